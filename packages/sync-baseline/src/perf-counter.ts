import { defaultClock } from '@asyncio-ts/core-loop';

/**
 * Python's `time.perf_counter()`: a high-resolution clock in seconds from an arbitrary
 * origin, for measuring short durations. Reads core-loop's real clock (`performance.now()`).
 */
export function perfCounter(): number {
  return defaultClock.now();
}

/**
 * Python's `time.monotonic()`: seconds from an arbitrary origin, never going backwards.
 * JavaScript has one monotonic clock, so this reads the same source as `perfCounter()`.
 */
export function monotonic(): number {
  return defaultClock.now();
}
