import type { Clock } from '@asyncio-ts/core-loop';
import { blockFor, checkSeconds, ownOption } from '@asyncio-ts/core-loop/internal';

/** Options of `sleepSync()`. */
export interface SleepSyncOptions {
  /**
   * Sleep on this clock instead of real time: a `VirtualClock` jumps ahead at once (the
   * baseline replays instantly); one with a `rate` blocks for `seconds / rate`.
   */
  readonly clock?: Clock;
}

/**
 * Checks a sleep length as `time.sleep` does: a number of seconds (core-loop's one
 * validator: same wording as the loop and the timers), finite, not negative. `what` names
 * the argument in the error.
 */
export function checkSleepLength(seconds: unknown, what: string): number {
  checkSeconds(seconds, what);
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
 *
 * @example
 * ```ts
 * import { sleepSync } from '@asyncio-ts/sync-baseline';
 * import { VirtualClock } from '@asyncio-ts/timers';
 *
 * sleepSync(0.5); // blocks the thread for half a second, like time.sleep(0.5)
 * const clock = new VirtualClock();
 * sleepSync(60, { clock }); // instant: clock.now() is now 60
 * ```
 */
export function sleepSync(seconds: number, options: SleepSyncOptions = {}): void {
  checkSleepLength(seconds, 'sleepSync() seconds');
  const clock = ownOption(options, 'clock');
  if (clock === undefined) {
    blockFor(seconds, ADVICE);
    return;
  }
  blockFor(clock.idleUntil(clock.now() + seconds), ADVICE);
}
