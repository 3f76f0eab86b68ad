/** asyncio.as_completed: the results of awaitables in the order they complete. */
import {
  type Coroutine,
  type Future,
  getEventLoop,
  TimeoutError,
  type TimerHandle,
} from '@asyncio-ts/core-loop';
import { ownOption } from '@asyncio-ts/core-loop/internal';
import { Queue } from '@asyncio-ts/queues';
import { type AwaitedOf, toFuture } from './awaitable.js';
import type { GatherArgument } from './gather.js';
import { checkIterable, checkTimeout } from './wait.js';

/** Options of `asCompleted()`. */
export interface AsCompletedOptions {
  /** Seconds; after it, each awaitable not yet handed out throws a TimeoutError. */
  timeout?: number | null;
}

/**
 * asyncio.as_completed: an iterator of coroutines, one per distinct awaitable of `aws`;
 * `yield*` of the k-th gives the k-th result to arrive (or throws its exception, or a
 * TimeoutError once `timeout` has passed). Coroutines are wrapped in Tasks on the first
 * `next()`, in argument order (asyncio uses set order).
 *
 * @example
 * ```ts
 * import { run } from '@asyncio-ts/core-loop';
 * import { asCompleted } from '@asyncio-ts/gather';
 * import { sleep } from '@asyncio-ts/timers';
 *
 * run(function* () {
 *   for (const next of asCompleted([sleep(3, 'slow'), sleep(1, 'fast')])) {
 *     console.log(yield* next); // 'fast' at t=1, then 'slow' at t=3
 *   }
 * });
 * ```
 */
export function asCompleted<A extends GatherArgument>(
  aws: Iterable<A>,
  options?: AsCompletedOptions,
): IterableIterator<Coroutine<AwaitedOf<A>>> {
  const iterable = checkIterable(aws, 'an iterable of futures');
  const timeout = checkTimeout('asCompleted()', ownOption(options, 'timeout'));
  return new AsCompleted<AwaitedOf<A>>(iterable, timeout);
}

/**
 * The iterator asCompleted returns. Deliberately not a generator, so it is never mistaken
 * for a coroutine (`yield* asCompleted(...)` is a mistake; iterate it with `for … of`).
 */
class AsCompleted<T> implements IterableIterator<Coroutine<T>> {
  private started = false;
  private remaining = 0;
  private queue: DoneQueue | null = null;

  constructor(
    private readonly aws: Iterable<unknown>,
    private readonly timeout: number | null,
  ) {}

  next(): IteratorResult<Coroutine<T>, undefined> {
    if (!this.started) this.start();
    if (this.remaining === 0) return { done: true, value: undefined };
    this.remaining--;
    return { done: false, value: waitForOne<T>(this.queue as DoneQueue) };
  }

  [Symbol.iterator](): this {
    return this;
  }

  private start(): void {
    this.started = true;
    const loop = getEventLoop();
    const todo = new Set<Future<unknown>>();
    let index = 0;
    for (const aw of new Set(this.aws)) {
      todo.add(toFuture(aw, loop, whereElement, index));
      index++;
    }
    // asyncio's as_completed uses an asyncio.Queue of finished futures in the same way.
    const queue: DoneQueue = new Queue();
    this.queue = queue;
    this.remaining = todo.size;
    let timeoutHandle: TimerHandle | null = null;
    const onCompletion = (future: Future<unknown>): void => {
      if (todo.size === 0) return; // the timeout came first
      todo.delete(future);
      queue.putNowait(future);
      if (todo.size === 0) timeoutHandle?.cancel();
    };
    for (const future of todo) future.addDoneCallback(onCompletion);
    if (todo.size > 0 && this.timeout !== null) {
      timeoutHandle = loop.callLater(this.timeout, () => {
        for (const future of todo) {
          future.removeDoneCallback(onCompletion);
          queue.putNowait(null); // each waiter still to come throws TimeoutError
        }
        todo.clear();
      });
    }
  }
}

const whereElement = (index: number): string => `asCompleted(): element ${index}`;

/** Finished futures in completion order; `null` stands for "the timeout came first". */
type DoneQueue = Queue<Future<unknown> | null>;

function* waitForOne<T>(queue: DoneQueue): Coroutine<T> {
  const future = yield* queue.get();
  if (future === null) throw new TimeoutError('');
  return future.result() as T;
}
