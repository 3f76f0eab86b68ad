import type { Context } from '@asyncio-ts/contextvars';
import { isContext } from '@asyncio-ts/contextvars/internal';
import { repr } from './repr.js';

/**
 * asyncio's keyword-only `context=` argument. Callbacks take `...args`, so the options go
 * where the callback would be: `loop.callSoon({ context }, cb, ...args)`,
 * `loop.callLater(delay, { context }, cb, ...args)`; `fut.addDoneCallback(cb, { context })`.
 */
export interface CallOptions {
  /** The Context the callback runs in (entered, so its changes stay in it); default: a copy of the current one. */
  context?: Context | null | undefined;
}

/** True when `value` stands in the callback's place as a `CallOptions` object. */
export function isCallOptions(value: unknown): value is CallOptions {
  return typeof value === 'object' && value !== null;
}

/** The Context given in `options`, null when none; a TypeError for anything else. */
export function contextOption(options: CallOptions | undefined, method: string): Context | null {
  const context = options?.context;
  // An own property only: Object.prototype.context must not change a call.
  if (context === undefined || context === null || !Object.hasOwn(options as object, 'context')) {
    return null;
  }
  if (!isContext(context)) {
    throw new TypeError(`${method}() expected a Context as context, got ${repr(context)}`);
  }
  return context;
}
