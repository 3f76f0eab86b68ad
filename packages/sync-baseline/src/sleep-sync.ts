import { type Clock, RuntimeError } from '@asyncio-ts/core-loop';
import { perfCounter } from './perf-counter.js';

/** Options of `sleepSync()`. */
export interface SleepSyncOptions {
  /**
   * Sleep on this clock instead of real time: a `VirtualClock` jumps ahead at once (the
   * baseline replays instantly); one with a `rate` blocks for `seconds / rate`.
   */
  readonly clock?: Clock;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `string (${JSON.stringify(value)})`;
  return typeof value;
}

/**
 * Checks a sleep length as `time.sleep` does: a number, not NaN, finite, not negative.
 * `caller` names the function in the TypeError.
 */
export function checkSeconds(seconds: unknown, caller: string): number {
  if (typeof seconds !== 'number' || Number.isNaN(seconds)) {
    throw new TypeError(`${caller} expects a number of seconds, received ${describe(seconds)}`);
  }
  if (seconds < 0) throw new RangeError('sleep length must be non-negative');
  if (seconds === Number.POSITIVE_INFINITY) throw new RangeError('sleep length must be finite');
  return seconds;
}

function blockingCell(): Int32Array {
  if (typeof SharedArrayBuffer === 'undefined' || typeof Atomics === 'undefined') {
    throw new RuntimeError(
      'sleepSync() cannot block this thread: SharedArrayBuffer and Atomics are not available here ' +
        '(a page that is not cross-origin isolated?); use `yield* sleep(seconds)` in a coroutine, ' +
        'or pass { clock } to sleep on a virtual clock',
    );
  }
  return new Int32Array(new SharedArrayBuffer(4));
}

/** Blocks the thread with Atomics.wait until `seconds` of real time have passed. */
function blockFor(seconds: number): void {
  if (!(seconds > 0)) return;
  const cell = blockingCell();
  const deadline = perfCounter() + seconds;
  // Atomics.wait may return a little early (timer rounding): wait again for what is left.
  for (let left = seconds; left > 0; left = deadline - perfCounter()) {
    try {
      Atomics.wait(cell, 0, 0, left * 1000);
    } catch (error) {
      throw new RuntimeError(
        'sleepSync() cannot block this thread: Atomics.wait is not allowed here (as on a browser ' +
          'main thread); use `yield* sleep(seconds)` in a coroutine, or pass { clock } to sleep on ' +
          'a virtual clock',
        { cause: error },
      );
    }
  }
}

/**
 * Python's `time.sleep(seconds)`: blocks the calling thread, without burning CPU, and with it
 * every task of a loop running on this thread. With `{ clock }` it sleeps on that clock.
 */
export function sleepSync(seconds: number, options: SleepSyncOptions = {}): void {
  checkSeconds(seconds, 'sleepSync()');
  const { clock } = options;
  if (clock === undefined) {
    blockFor(seconds);
    return;
  }
  blockFor(clock.idleUntil(clock.now() + seconds));
}
