import { defaultClock } from './clock.js';
import { RuntimeError } from './errors.js';

let cell: Int32Array | null = null;

function checkBlockingAllowed(advice: string): void {
  if (typeof SharedArrayBuffer === 'undefined' || typeof Atomics === 'undefined') {
    throw new RuntimeError(
      `cannot block this thread: SharedArrayBuffer and Atomics are not available here (a page that is not cross-origin isolated?); ${advice}`,
    );
  }
}

/** `Atomics.wait(target, 0, 0, ms)`, with asyncio-ts's error where blocking is not allowed. */
function atomicsWait(target: Int32Array, ms: number, advice: string): string {
  try {
    return Atomics.wait(target, 0, 0, ms);
  } catch (error) {
    throw new RuntimeError(
      `cannot block this thread: Atomics.wait is not allowed here (as on a browser main thread); ${advice}`,
      { cause: error },
    );
  }
}

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
  checkBlockingAllowed(advice);
  if (cell === null) cell = new Int32Array(new SharedArrayBuffer(4));
  const deadline = defaultClock.now() + seconds;
  for (let left = seconds; left > 0; left = deadline - defaultClock.now()) {
    atomicsWait(cell, left * 1000, advice);
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

/**
 * Blocks the thread until `wakeCell[0]` is no longer 0 (another thread notified it) or
 * `seconds` of real time passed (Infinity: no limit). Returns at once if it is already set.
 */
export function waitOnCell(
  wakeCell: Int32Array,
  seconds: number,
  advice = 'use runAsync() to run the loop on the host',
): void {
  if (!(seconds > 0) || Atomics.load(wakeCell, 0) !== 0) return;
  checkBlockingAllowed(advice);
  if (!(wakeCell.buffer instanceof SharedArrayBuffer)) {
    // No other thread can hold this cell: nothing but the time can end the wait.
    blockFor(seconds, advice);
    return;
  }
  atomicsWait(wakeCell, seconds * 1000, advice);
}
