import { type Coroutine, type Future, getRunningLoop } from '@asyncio-ts/core-loop';
import { checkSeconds } from './check-seconds.js';

/** The timer's callback: asyncio's `futures._set_result_unless_cancelled`. */
function setResultUnlessCancelled<T>(future: Future<T>, result: T): void {
  if (!future.cancelled()) future.setResult(result);
}

/** `delay <= 0`: one bare yield, exactly asyncio's `__sleep0()`. */
function* sleepZero<T>(result: T): Coroutine<T> {
  yield;
  return result;
}

/** A future resolved by a timer; the timer is cancelled however the wait ends. */
function* sleepFor<T>(delay: number, result: T): Coroutine<T> {
  const loop = getRunningLoop();
  const future = loop.createFuture<T>();
  const handle = loop.callLater(delay, setResultUnlessCancelled, future, result);
  try {
    return yield* future;
  } finally {
    // Cancelled or not, the timer must not stay in the loop's heap.
    handle.cancel();
  }
}

/**
 * asyncio.sleep: `yield* sleep(delay, result)` suspends the calling task for `delay` seconds
 * of the loop's clock and evaluates to `result`. `delay <= 0` gives up the turn exactly once.
 * Unlike asyncio, a delay that is not a number (or NaN) throws a TypeError at the call.
 */
export function sleep(delay: number): Coroutine<void>;
export function sleep<T>(delay: number, result: T): Coroutine<T>;
export function sleep<T>(delay: number, result?: T): Coroutine<T | undefined> {
  checkSeconds(delay, 'sleep() delay');
  return delay <= 0 ? sleepZero(result) : sleepFor(delay, result);
}
