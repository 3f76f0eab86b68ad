import { repr } from './repr.js';

/** A TypeError unless `callback` is a plain function (asyncio's `_check_callback`). */
export function checkCallback(callback: unknown, method: string): void {
  if (typeof callback !== 'function') {
    throw new TypeError(`a callable object was expected by ${method}(), got ${repr(callback)}`);
  }
  if ((callback as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] === 'GeneratorFunction') {
    throw new TypeError(`coroutines cannot be used with ${method}()`);
  }
}

/** A TypeError unless `value` is a number of seconds (NaN included: it is never due). */
export function checkTime(value: unknown, what: string): void {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new TypeError(`${what} must be a number of seconds, got ${repr(value)}`);
  }
}
