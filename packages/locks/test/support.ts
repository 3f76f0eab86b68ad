/**
 * Test helpers of locks and queues (queues' tests import this file too): runs on timers'
 * VirtualClock, spawns tasks, catches what a body throws, runs a program in every kind of run.
 */
import {
  type Awaitable,
  type Coroutine,
  getRunningLoop,
  run,
  runAsync,
  type Task,
} from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { afterEach, expect, it } from 'vitest';

export { sleep };

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

/**
 * Tests that `scenario` returns `expected` in a blocking run(), in runAsync() (virtual and
 * real clock), and in a nested run() after nest-patch's apply(), inside run() and runAsync().
 */
export function itRunsInEveryMode(scenario: () => Coroutine<string[]>, expected: string[]): void {
  afterEach(() => revert());

  it('blocking run()', () => {
    expect(run(scenario, { clock: new VirtualClock() })).toEqual(expected);
  });

  it('runAsync()', async () => {
    await expect(runAsync(scenario, { clock: new VirtualClock() })).resolves.toEqual(expected);
    await expect(runAsync(scenario)).resolves.toEqual(expected);
  });

  it('a nested run() after apply(), inside run() and inside runAsync()', async () => {
    apply();
    const outer = function* (): Coroutine<string[]> {
      yield* sleep(0.01);
      return run(scenario);
    };
    expect(run(outer, { clock: new VirtualClock() })).toEqual(expected);
    await expect(runAsync(outer)).resolves.toEqual(expected);
  });
}
