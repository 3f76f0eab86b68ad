/**
 * Test helpers for nest-patch until @asyncio-ts/timers and @asyncio-ts/gather land: a clock
 * that jumps to each deadline (exact, instant times), asyncio.sleep, wait_for and a small
 * gather, all built on core-loop alone.
 */
import {
  CancelledError,
  type Clock,
  type Coroutine,
  EventLoop,
  type Future,
  getRunningLoop,
  type Task,
  TimeoutError,
} from '@asyncio-ts/core-loop';

/** A Clock that never waits: when the loop idles, time jumps to the deadline. */
export class JumpClock implements Clock {
  t = 0;

  now(): number {
    return this.t;
  }

  idleUntil(deadline: number): number {
    if (deadline > this.t) this.t = deadline;
    return 0;
  }
}

/** A new loop on a fresh JumpClock. */
export function jumpLoop(): { loop: EventLoop; clock: JumpClock } {
  const clock = new JumpClock();
  return { loop: new EventLoop({ clock, debug: false }), clock };
}

/** asyncio.sleep on the running loop (a bare yield for `delay <= 0`). */
export function* sleep<T = undefined>(delay: number, result?: T): Coroutine<T> {
  if (delay <= 0) {
    yield;
    return result as T;
  }
  const loop = getRunningLoop();
  const future = loop.createFuture<T>();
  const timer = loop.callLater(delay, () => {
    if (!future.done()) future.setResult(result as T);
  });
  try {
    return yield* future;
  } finally {
    timer.cancel();
  }
}

/** asyncio.wait_for, reduced to what the tests need: cancels `coro` after `seconds`. */
export function* waitFor<T>(coro: Coroutine<T>, seconds: number): Coroutine<T> {
  const loop = getRunningLoop();
  const task = loop.createTask(coro);
  let expired = false;
  const timer = loop.callLater(seconds, () => {
    expired = true;
    task.cancel();
  });
  try {
    return yield* task;
  } catch (error) {
    if (expired && error instanceof CancelledError) throw new TimeoutError();
    throw error;
  } finally {
    timer.cancel();
  }
}

/** asyncio.gather without its cancellation rules: runs every coroutine as a task, results in order. */
export function* gatherAll<T>(coros: Coroutine<T>[]): Coroutine<T[]> {
  const loop = getRunningLoop();
  const tasks: Task<T>[] = coros.map((coro) => loop.createTask(coro));
  const results: T[] = [];
  for (const task of tasks) results.push(yield* task);
  return results;
}

/** asyncio.wait(..., return_when=ALL_COMPLETED) without a timeout: `[done, pending]`. */
export function* waitAll<T>(futures: Future<T>[]): Coroutine<[Set<Future<T>>, Set<Future<T>>]> {
  const loop = getRunningLoop();
  for (const future of futures) {
    if (future.done()) continue;
    const waiter = loop.createFuture<void>();
    future.addDoneCallback(() => {
      if (!waiter.done()) waiter.setResult(undefined);
    });
    yield* waiter;
  }
  return [new Set(futures), new Set()];
}
