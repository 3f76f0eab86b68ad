import { LOOP_BRAND } from './brand.js';
import type { Clock } from './clock.js';
import type { EventLoop } from './event-loop.js';
import type { Instrument } from './instrument.js';
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

/** True for an EventLoop of any copy of this package. */
export function isEventLoop(value: unknown): value is EventLoop {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [LOOP_BRAND]?: true })[LOOP_BRAND] === true
  );
}

/** A TypeError naming `what` unless `value` is an EventLoop (or, when allowed, null). */
export function checkLoop(value: unknown, what: string, nullable = false): void {
  if (isEventLoop(value) || (nullable && value === null)) return;
  const expected = nullable ? 'an EventLoop or null' : 'an EventLoop';
  throw new TypeError(`${what} must be ${expected}, got ${repr(value)}`);
}

/** A TypeError naming `what` unless `value` is a Clock: an object with now() and idleUntil(). */
export function checkClock(value: unknown, what: string): asserts value is Clock {
  const clock = value as Partial<Clock> | null;
  if (
    (typeof clock !== 'object' && typeof clock !== 'function') ||
    clock === null ||
    typeof clock.now !== 'function' ||
    typeof clock.idleUntil !== 'function'
  ) {
    throw new TypeError(
      `${what} must be a Clock (an object with now() and idleUntil(deadline)), got ${repr(value)}`,
    );
  }
}

/** The hooks an Instrument may have. */
export const INSTRUMENT_HOOKS = [
  'taskSpawned',
  'beforeTaskStep',
  'afterTaskStep',
  'taskExited',
  'beforeIdle',
  'afterIdle',
] as const;

/** A TypeError unless `value` is an object whose hooks (those it has) are functions. */
export function checkInstrument(value: unknown): asserts value is Instrument {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) {
    throw new TypeError(`addInstrument(): instrument must be an object, got ${repr(value)}`);
  }
  for (const hook of INSTRUMENT_HOOKS) {
    let member: unknown;
    try {
      member = (value as Record<string, unknown>)[hook];
    } catch (error) {
      throw new TypeError(`addInstrument(): reading instrument.${hook} threw ${repr(error)}`, {
        cause: error,
      });
    }
    if (member !== undefined && typeof member !== 'function') {
      throw new TypeError(
        `addInstrument(): instrument.${hook} must be a function, got ${repr(member)}`,
      );
    }
  }
}

/** `checkSeconds`, also accepting null ("no deadline"), with the same wording. */
export function checkSecondsOrNull(value: unknown, what: string): asserts value is number | null {
  if (value !== null && (typeof value !== 'number' || Number.isNaN(value))) {
    throw new TypeError(`${what} must be a number of seconds or null, got ${repr(value)}`);
  }
}
