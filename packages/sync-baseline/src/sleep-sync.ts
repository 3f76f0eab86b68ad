import type { Clock } from '@asyncio-ts/core-loop';
import { blockFor, ownOption } from '@asyncio-ts/core-loop/internal';

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

// What a caller can do instead where the thread may not block.
const ADVICE =
  'use `yield* sleep(seconds)` in a coroutine, or pass { clock } to sleepSync() to sleep on a virtual clock';

/**
 * Python's `time.sleep(seconds)`: blocks the calling thread, without burning CPU, and with it
 * every task of a loop running on this thread. With `{ clock }` it sleeps on that clock.
 */
export function sleepSync(seconds: number, options: SleepSyncOptions = {}): void {
  checkSeconds(seconds, 'sleepSync()');
  const clock = ownOption(options, 'clock');
  if (clock === undefined) {
    blockFor(seconds, ADVICE);
    return;
  }
  blockFor(clock.idleUntil(clock.now() + seconds), ADVICE);
}
