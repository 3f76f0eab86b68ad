import { defaultClock } from './clock.js';
import { RuntimeError } from './errors.js';

let cell: Int32Array | null = null;

/**
 * Blocks the thread for `seconds` of real time with `Atomics.wait` (no busy wait), waiting
 * again for what is left if it wakes early. Where blocking is not allowed (a browser main
 * thread) it throws a RuntimeError that ends with `advice`, the way out for the caller.
 */
export function blockFor(
  seconds: number,
  advice = 'use runAsync() to run the loop on the host',
): void {
  if (!(seconds > 0)) return;
  if (typeof SharedArrayBuffer === 'undefined' || typeof Atomics === 'undefined') {
    throw new RuntimeError(
      `cannot block this thread: SharedArrayBuffer and Atomics are not available here (a page that is not cross-origin isolated?); ${advice}`,
    );
  }
  if (cell === null) cell = new Int32Array(new SharedArrayBuffer(4));
  const deadline = defaultClock.now() + seconds;
  for (let left = seconds; left > 0; left = deadline - defaultClock.now()) {
    try {
      Atomics.wait(cell, 0, 0, left * 1000);
    } catch (error) {
      throw new RuntimeError(
        `cannot block this thread: Atomics.wait is not allowed here (as on a browser main thread); ${advice}`,
        { cause: error },
      );
    }
  }
}

/**
 * True when this thread may block in `Atomics.wait`; false where it may not (a browser main
 * thread, a page that is not cross-origin isolated). Asks without waiting: a wait for a
 * value the cell does not hold returns at once where waiting is allowed, and throws where it
 * is not.
 */
export function canBlock(): boolean {
  if (typeof SharedArrayBuffer === 'undefined' || typeof Atomics === 'undefined') return false;
  if (cell === null) cell = new Int32Array(new SharedArrayBuffer(4));
  try {
    Atomics.wait(cell, 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}
