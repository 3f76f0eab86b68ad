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

/**
 * The one seconds validator (core-loop, timers, sync-baseline): a TypeError unless `value` is
 * a number of seconds. NaN is refused; infinities are accepted (never due). `what` names the
 * argument: `${what} must be a number of seconds, got ${repr(value)}`.
 */
export function checkSeconds(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new TypeError(`${what} must be a number of seconds, got ${repr(value)}`);
  }
}

/** `checkSeconds`, also accepting null ("no deadline"), with the same wording. */
export function checkSecondsOrNull(value: unknown, what: string): asserts value is number | null {
  if (value !== null && (typeof value !== 'number' || Number.isNaN(value))) {
    throw new TypeError(`${what} must be a number of seconds or null, got ${repr(value)}`);
  }
}
