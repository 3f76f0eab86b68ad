import type { TransferListItem } from 'node:worker_threads';
/** The key of a `transfer()` wrapper; a Symbol.for key so a worker module can build one too. */
export const TRANSFER: unique symbol = Symbol.for('asyncio-ts.threads.transfer') as never;

/** A value whose listed objects move to the other thread instead of being copied. */
export interface Transfer<T> {
  readonly value: T;
  readonly [TRANSFER]: readonly TransferListItem[];
}

/**
 * Marks `value` so that the objects in `list` (ArrayBuffers, MessagePorts ...) are moved to
 * the other thread, not copied (postMessage's transfer list). Use it on an argument of
 * `toThread` / `submit`, or on what a worker export returns.
 * @example yield* toThread(work, 'sum', transfer(bytes, [bytes.buffer]));
 */
export function transfer<T>(value: T, list: readonly TransferListItem[]): T {
  if (!Array.isArray(list)) {
    throw new TypeError('transfer(value, list): list must be an array of transferable objects');
  }
  return { value, [TRANSFER]: list } as unknown as T;
}

/** Unwraps `transfer()` markers among `args`; returns the plain arguments and the moved objects. */
export function unwrapArgs(args: readonly unknown[]): {
  args: unknown[];
  transferList: TransferListItem[];
} {
  const out = new Array<unknown>(args.length);
  const transferList: TransferListItem[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg !== null && typeof arg === 'object' && Object.hasOwn(arg, TRANSFER)) {
      const marked = arg as unknown as Transfer<unknown>;
      out[i] = marked.value;
      transferList.push(...marked[TRANSFER]);
    } else out[i] = arg;
  }
  return { args: out, transferList };
}
