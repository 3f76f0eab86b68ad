const performanceNow: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function'
    ? () => performance.now()
    : () => Date.now();

/**
 * Python's `time.perf_counter()`: a high-resolution clock in seconds from an arbitrary
 * origin, for measuring short durations. Backed by `performance.now()`.
 */
export function perfCounter(): number {
  return performanceNow() / 1000;
}

/**
 * Python's `time.monotonic()`: seconds from an arbitrary origin, never going backwards.
 * JavaScript has one monotonic clock, so this reads the same source as `perfCounter()`.
 */
export function monotonic(): number {
  return performanceNow() / 1000;
}
