/**
 * W6 cancellation: n tasks start sleeping for an hour, then each is cancelled and all are
 * awaited. asyncio: `t.cancel()` for each, then `gather(*tasks, return_exceptions=True)`.
 */

import { setTimeout as delay } from 'node:timers/promises';
import { CancelledError, getRunningLoop, run, type Task } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep } from '@asyncio-ts/timers';
import { Effect, Exit, Fiber } from 'effect';
import * as effection from 'effection';
import { outcome, type Workload } from '../workload.js';

const HOUR = 3600;

/** asyncio-ts: `loop.createTask(sleep(3600))` n times, `sleep(0)`, cancel each, gather. */
export function asyncioTs(n: number): number {
  return run(function* () {
    const loop = getRunningLoop();
    const tasks = new Array<Task<void>>(n);
    for (let i = 0; i < n; i++) tasks[i] = loop.createTask(sleep(HOUR));
    yield* sleep(0);
    for (const task of tasks) task.cancel();
    const results = yield* gather(tasks, { returnExceptions: true });
    let cancelled = 0;
    for (const r of results) if (r instanceof CancelledError) cancelled++;
    return cancelled;
  });
}

/** Native: n `timers/promises` sleeps, each with its own AbortController; abort each. */
export async function native(n: number): Promise<number> {
  const controllers = new Array<AbortController>(n);
  const sleeps = new Array<Promise<void>>(n);
  for (let i = 0; i < n; i++) {
    const controller = new AbortController();
    controllers[i] = controller;
    sleeps[i] = delay(HOUR * 1000, undefined, { signal: controller.signal });
  }
  await null;
  for (const controller of controllers) controller.abort();
  const results = await Promise.allSettled(sleeps);
  let cancelled = 0;
  for (const r of results) {
    if (r.status === 'rejected' && (r.reason as Error).name === 'AbortError') cancelled++;
  }
  return cancelled;
}

/** Effection: spawn n `sleep(3600 s)` tasks, `sleep(0)`, then `halt()` each. */
export function effectionHalt(n: number): Promise<number> {
  return effection.run(function* () {
    const tasks = new Array<effection.Task<void>>(n);
    for (let i = 0; i < n; i++)
      tasks[i] = yield* effection.spawn(() => effection.sleep(HOUR * 1000));
    yield* effection.sleep(0);
    let halted = 0;
    for (const task of tasks) {
      yield* task.halt();
      halted++;
    }
    return halted;
  });
}

/** Effect: fork n `Effect.sleep('1 hour')` fibers, `yieldNow`, `Fiber.interruptAll`. */
export function effectInterrupt(n: number): Promise<number> {
  return Effect.runPromise(
    Effect.gen(function* () {
      const fibers = new Array<Fiber.Fiber<void>>(n);
      for (let i = 0; i < n; i++) fibers[i] = yield* Effect.forkChild(Effect.sleep('1 hour'));
      yield* Effect.yieldNow;
      yield* Fiber.interruptAll(fibers);
      const exits = yield* Fiber.awaitAll(fibers);
      let interrupted = 0;
      for (const exit of exits) if (Exit.hasInterrupts(exit)) interrupted++;
      return interrupted;
    }),
  );
}

export const w6: Workload = {
  id: 'W6',
  title: 'cancellation',
  description: 'n tasks sleeping for an hour are cancelled one by one and awaited.',
  kind: 'time',
  size: { full: { n: 100_000, span: 0 }, quick: { n: 1_000, span: 0 } },
  runs: 5,
  budgetMs: 3_000,
  implementations: [
    {
      id: 'asyncio-ts',
      library: 'asyncio-ts',
      label: 'asyncio-ts `task.cancel()` + `gather(returnExceptions)`',
      run: ({ n }) => outcome(asyncioTs(n) === n),
    },
    {
      id: 'native',
      library: 'native',
      label: 'native `AbortController` + `timers/promises` + `allSettled`',
      run: async ({ n }) => outcome((await native(n)) === n),
    },
    {
      id: 'effection',
      library: 'effection',
      label: 'Effection `spawn` + `task.halt()`',
      run: async ({ n }) => outcome((await effectionHalt(n)) === n),
    },
    {
      id: 'effect',
      library: 'effect',
      label: 'Effect `forkChild` + `Fiber.interruptAll`',
      run: async ({ n }) => outcome((await effectInterrupt(n)) === n),
    },
    {
      id: 'cpython',
      library: 'cpython',
      label: 'CPython `task.cancel()` + `gather(return_exceptions=True)`',
      impl: 'cancel',
    },
  ],
  notes: ['Each run times the whole: creating and starting the tasks, cancelling, awaiting.'],
};
