/** Test helpers: runs on timers' VirtualClock, spawns tasks, catches what a body throws. */
import {
  type Awaitable,
  type Coroutine,
  getRunningLoop,
  run,
  type Task,
} from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';

export { sleep } from '@asyncio-ts/timers';

/** Runs `main` with `run()` on a fresh virtual clock. */
export function runVirtual<T>(main: () => Coroutine<T>): T {
  return run(main, { clock: new VirtualClock() });
}

/** Starts `coro` as a task on the running loop. */
export function spawn<T>(coro: Coroutine<T>): Task<T> {
  return getRunningLoop().createTask(coro);
}

/** Gives up the turn `n` times (asyncio's `await asyncio.sleep(0)`, n times). */
export function* ticks(n = 1): Coroutine<void> {
  for (let i = 0; i < n; i++) yield;
}

/** Runs `body` and returns what it threw (fails the test if it did not throw). */
export function* caught(body: Awaitable<unknown>): Coroutine<unknown> {
  try {
    yield* body;
  } catch (error) {
    return error;
  }
  throw new Error('expected the body to throw');
}
