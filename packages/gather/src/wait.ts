/** asyncio.wait: waits for futures until the first completes, the first fails, or all are done. */
import {
  type Coroutine,
  type EventLoop,
  type Future,
  getRunningLoop,
  isCoroutine,
  isFuture,
  type TimerHandle,
} from '@asyncio-ts/core-loop';
import {
  checkSecondsOrNull,
  ownOption,
  releaseWaiter,
  watchAwaited,
} from '@asyncio-ts/core-loop/internal';
import { describe, failed, otherLoop } from './awaitable.js';

/** `wait()` returns when any future finishes (asyncio.FIRST_COMPLETED). */
export const FIRST_COMPLETED = 'FIRST_COMPLETED';
/** `wait()` returns when any future fails, or when all are done (asyncio.FIRST_EXCEPTION). */
export const FIRST_EXCEPTION = 'FIRST_EXCEPTION';
/** `wait()` returns when all futures are done (asyncio.ALL_COMPLETED, the default). */
export const ALL_COMPLETED = 'ALL_COMPLETED';

/** When `wait()` returns: asyncio's `return_when` constants. */
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

/** Options of `wait()`. */
export interface WaitOptions {
  /** Seconds to wait at most; `null` (default) waits as long as it takes. Never throws on expiry. */
  timeout?: number | null;
  /** When to return; default `'ALL_COMPLETED'`. */
  returnWhen?: ReturnWhen;
}

/** Checks `timeout` (a number of seconds, null or undefined) and returns it or null. */
export function checkTimeout(where: string, timeout: unknown): number | null {
  if (timeout === undefined) return null;
  checkSecondsOrNull(timeout, `${where} timeout`);
  return timeout;
}

/** Checks that `fs` is an iterable of awaitables, not a single one (asyncio's message). */
export function checkIterable(fs: unknown, what: string): Iterable<unknown> {
  if (isFuture(fs) || isCoroutine(fs)) {
    const kind = isFuture(fs) ? fs.constructor.name : 'coroutine';
    throw new TypeError(`expect ${what}, not ${kind}`);
  }
  if (
    (typeof fs !== 'object' && typeof fs !== 'function') ||
    fs === null ||
    typeof (fs as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function'
  ) {
    throw new TypeError(`expect ${what}, got ${describe(fs)}`);
  }
  return fs as Iterable<unknown>;
}

/**
 * asyncio.wait: waits for the futures in `fs` (Futures or Tasks, not coroutines) and returns
 * `[done, pending]`. On `timeout` it returns what is done so far: nothing is cancelled and
 * no TimeoutError is thrown.
 *
 * @example
 * ```ts
 * import { createTask, run } from '@asyncio-ts/core-loop';
 * import { FIRST_COMPLETED, wait } from '@asyncio-ts/gather';
 * import { sleep } from '@asyncio-ts/timers';
 *
 * run(function* () {
 *   const tasks = [createTask(sleep(1, 'a')), createTask(sleep(5, 'b'))];
 *   const [done, pending] = yield* wait(tasks, { returnWhen: FIRST_COMPLETED });
 *   console.log(done.size, pending.size); // 1 1, at t=1
 *   for (const task of pending) task.cancel();
 * });
 * ```
 */
export function wait<F extends Future<unknown>>(
  fs: Iterable<F>,
  options?: WaitOptions,
): Coroutine<[done: Set<F>, pending: Set<F>]> {
  return watchAwaited(runWait(fs, options), 'wait');
}

function* runWait<F extends Future<unknown>>(
  fs: Iterable<F>,
  options?: WaitOptions,
): Coroutine<[done: Set<F>, pending: Set<F>]> {
  checkIterable(fs, 'a list of futures');
  const timeout = checkTimeout('wait()', ownOption(options, 'timeout'));
  const returnWhen = ownOption(options, 'returnWhen') ?? ALL_COMPLETED;
  const futures = new Set(fs);
  if (futures.size === 0) throw new RangeError('Set of Tasks/Futures is empty.');
  if (
    returnWhen !== FIRST_COMPLETED &&
    returnWhen !== FIRST_EXCEPTION &&
    returnWhen !== ALL_COMPLETED
  ) {
    throw new RangeError(
      `Invalid returnWhen value: ${describe(returnWhen)} (expected 'FIRST_COMPLETED', 'FIRST_EXCEPTION' or 'ALL_COMPLETED')`,
    );
  }
  const loop = getRunningLoop();
  let index = 0;
  for (const future of futures) {
    if (isCoroutine(future)) {
      throw new TypeError('Passing coroutines is forbidden, use tasks explicitly.');
    }
    if (!isFuture(future)) {
      throw new TypeError(
        `wait(): every element of fs must be a Future or a Task, element ${index} is ${describe(future)}`,
      );
    }
    if (future.getLoop() !== loop) throw otherLoop(`wait(): element ${index}`, future, loop);
    index++;
  }
  return yield* waitUntilDone(futures, timeout, returnWhen, loop);
}

/**
 * asyncio's `_wait` (named apart from timers' public `waitFor`): one waiter future, one
 * shared completion callback, one timer; returns `[done, pending]`.
 */
function* waitUntilDone<F extends Future<unknown>>(
  futures: Set<F>,
  timeout: number | null,
  returnWhen: ReturnWhen,
  loop: EventLoop,
): Coroutine<[Set<F>, Set<F>]> {
  const waiter = loop.createFuture<void>();
  const timeoutHandle: TimerHandle | null =
    timeout === null ? null : loop.callLater(timeout, releaseWaiter, waiter);
  let counter = futures.size;
  const onCompletion = (future: Future<unknown>): void => {
    counter--;
    if (
      counter <= 0 ||
      returnWhen === FIRST_COMPLETED ||
      (returnWhen === FIRST_EXCEPTION && failed(future))
    ) {
      timeoutHandle?.cancel();
      releaseWaiter(waiter);
    }
  };
  for (const future of futures) future.addDoneCallback(onCompletion);
  try {
    yield* waiter;
  } finally {
    timeoutHandle?.cancel();
    for (const future of futures) future.removeDoneCallback(onCompletion);
  }
  const done = new Set<F>();
  const pending = new Set<F>();
  for (const future of futures) {
    if (future.done()) done.add(future);
    else pending.add(future);
  }
  return [done, pending];
}
