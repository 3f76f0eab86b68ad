import {
  type Awaitable,
  CancelledError,
  type Coroutine,
  type EventLoop,
  ensureFuture,
  type Future,
  getRunningLoop,
  TimeoutError,
} from '@asyncio-ts/core-loop';
import {
  checkSecondsOrNull,
  releaseWaiter,
  repr,
  watchAwaited,
} from '@asyncio-ts/core-loop/internal';

/**
 * asyncio's `_cancel_and_wait`: cancels `future` and waits until it is done, through a
 * waiter of our own so that this wait itself stays cancellable.
 */
function* cancelAndWait(future: Future<unknown>, loop: EventLoop): Coroutine<void> {
  const waiter = loop.createFuture<void>();
  const release = (): void => releaseWaiter(waiter);
  future.addDoneCallback(release);
  try {
    future.cancel();
    yield* waiter;
  } finally {
    future.removeDoneCallback(release);
  }
}

/** The inner future's outcome after it was cancelled for the timeout. */
function resultAfterTimeout<T>(future: Future<T>): T {
  try {
    return future.result();
  } catch (error) {
    // It really was cancelled: that is the timeout. Anything else it ended with is re-thrown.
    if (error instanceof CancelledError) throw new TimeoutError('', { cause: error });
    throw error;
  }
}

function* waitForTimeout<T>(awaitable: Awaitable<T>, timeout: number | null): Coroutine<T> {
  const loop = getRunningLoop();
  if (timeout === null) return yield* awaitable;

  if (timeout <= 0) {
    const future = ensureFuture(awaitable, { loop });
    if (future.done()) return future.result();
    yield* cancelAndWait(future as Future<unknown>, loop);
    return resultAfterTimeout(future);
  }

  const waiter = loop.createFuture<void>();
  const timeoutHandle = loop.callLater(timeout, releaseWaiter, waiter);
  const release = (): void => releaseWaiter(waiter);
  const future = ensureFuture(awaitable, { loop });
  future.addDoneCallback(release);
  try {
    try {
      yield* waiter;
    } catch (error) {
      if (!(error instanceof CancelledError)) throw error;
      // 3.11: if the inner finished meanwhile, its outcome wins over our cancellation.
      if (future.done()) return future.result();
      future.removeDoneCallback(release);
      // The inner must not run on after waitFor returns (bpo-32751).
      yield* cancelAndWait(future as Future<unknown>, loop);
      throw error;
    }
    if (future.done()) return future.result();
    future.removeDoneCallback(release);
    yield* cancelAndWait(future as Future<unknown>, loop);
    // An inner that ended with another exception while being cancelled re-throws it (bpo-40607).
    return resultAfterTimeout(future);
  } finally {
    timeoutHandle.cancel();
  }
}

/**
 * asyncio.wait_for (3.11): waits for `aw` (a coroutine is wrapped in a Task) at most
 * `timeout` seconds (null: no limit). On timeout the inner is cancelled, waited for, and a
 * `TimeoutError` with the CancelledError as `cause` is thrown; cancelling the wait cancels it.
 *
 * @example
 * ```ts
 * import { run, TimeoutError } from '@asyncio-ts/core-loop';
 * import { sleep, waitFor } from '@asyncio-ts/timers';
 *
 * run(function* () {
 *   const quick = yield* waitFor(sleep(0.5, 'ok'), 1); // 'ok'
 *   try {
 *     yield* waitFor(sleep(5), 1); // the sleep is cancelled after 1 s
 *   } catch (error) {
 *     console.log(quick, error instanceof TimeoutError); // ok true
 *   }
 * });
 * ```
 */
export function waitFor<T>(aw: Awaitable<T>, timeout: number | null): Coroutine<T> {
  checkSecondsOrNull(timeout, 'waitFor() timeout');
  if (
    (typeof aw !== 'object' && typeof aw !== 'function') ||
    aw === null ||
    typeof (aw as Partial<Awaitable<T>>)[Symbol.iterator] !== 'function'
  ) {
    throw new TypeError(`waitFor() expects a Future, a Task or a coroutine, got ${repr(aw)}`);
  }
  return watchAwaited(waitForTimeout(aw, timeout), 'waitFor');
}
