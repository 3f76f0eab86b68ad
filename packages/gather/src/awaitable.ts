/**
 * Turning the arguments of gather, shield, wait and asCompleted into futures on one loop,
 * with errors that name the function, the position and the value.
 */
import {
  type Awaitable,
  type EventLoop,
  ensureFuture,
  type Future,
  isFuture,
  RuntimeError,
} from '@asyncio-ts/core-loop';
import { asCoroutine, isAwaitableObject, isThenable, repr } from '@asyncio-ts/core-loop/internal';

/** What `yield*` on an awaitable of type `A` evaluates to (the `T` of Awaitable<T>). */
export type AwaitedOf<A> =
  A extends Awaitable<infer T> ? T : A extends PromiseLike<infer T> ? T : never;

/**
 * A value in an error message: core-loop's `repr`, plus a hint when it is a generator
 * function passed where the coroutine it makes was meant.
 */
export function describe(value: unknown): string {
  const shown = repr(value);
  if (
    typeof value === 'function' &&
    (value as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] === 'GeneratorFunction'
  ) {
    return `${shown} (a generator function: call it to get a coroutine, ${value.name || 'anonymous'}())`;
  }
  return shown;
}

/** The TypeError for an argument that cannot be awaited. */
export function notAwaitable(where: string, value: unknown): TypeError {
  return new TypeError(
    `${where} must be an awaitable (a coroutine, a Future or a Task), got ${describe(value)}`,
  );
}

/** The RuntimeError for a future of another loop. */
export function otherLoop(where: string, future: Future<unknown>, loop: EventLoop): RuntimeError {
  return new RuntimeError(
    `${where} ${future} belongs to a different event loop than ${loop}: all awaitables must run on one loop`,
  );
}

/** Names the argument at `index` for an error message (only called when there is one). */
export type Where = (index: number) => string;

/**
 * asyncio's `_ensure_future` for one argument: a Future of `loop` as is, a coroutine or
 * other awaitable wrapped in a Task on `loop`, a native promise adopted (host mode).
 */
export function toFuture(
  value: unknown,
  loop: EventLoop,
  where: Where,
  index: number,
): Future<unknown> {
  if (isFuture(value)) {
    if (value.getLoop() !== loop) throw otherLoop(where(index), value, loop);
    return value;
  }
  if (isAwaitableObject(value)) return loop.createTask(asCoroutine(value));
  if (isThenable(value)) return ensureFuture(value, { loop });
  throw notAwaitable(where(index), value);
}

/** The loop of a future, or the current loop for anything else (asyncio's choice in gather). */
export function loopFor(value: unknown, current: () => EventLoop): EventLoop {
  return isFuture(value) ? value.getLoop() : current();
}

/** True when `future` failed (an exception, even a thrown `null`); marks it retrieved. */
export function failed(future: Future<unknown>): boolean {
  if (future.cancelled()) return false;
  if (future.exception() !== null) return true;
  try {
    future.result();
    return false;
  } catch {
    // result() threw although exception() said null: the coroutine threw `null` itself.
    return true;
  }
}
