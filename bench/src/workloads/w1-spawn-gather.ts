/**
 * W1 spawn+gather: n tasks that each sleep(0) once and return their index, gathered.
 * asyncio: `await asyncio.gather(*(child(i) for i in range(n)))`.
 */
import { type Coroutine, run, runAsync } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep } from '@asyncio-ts/timers';
import { Effect } from 'effect';
import * as effection from 'effection';
import { isRange, outcome, range, type Workload } from '../workload.js';

function* child(i: number): Coroutine<number> {
  yield* sleep(0);
  return i;
}

/** asyncio-ts: gather of n coroutines, each `yield* sleep(0)`. */
export function asyncioTs(n: number): number[] {
  return run(function* () {
    const coros = new Array<Coroutine<number>>(n);
    for (let i = 0; i < n; i++) coros[i] = child(i);
    return yield* gather(coros);
  });
}

/** asyncio-ts in host mode: the same program with `runAsync` (the loop runs in host slices). */
export function asyncioTsHost(n: number): Promise<number[]> {
  return runAsync(function* () {
    const coros = new Array<Coroutine<number>>(n);
    for (let i = 0; i < n; i++) coros[i] = child(i);
    return yield* gather(coros);
  });
}

function* floorChild(i: number): Generator<void, number, void> {
  yield;
  return i;
}

/**
 * The floor: a bare trampoline. A ready queue of generators, each resumed until it returns;
 * a bare `yield` gives up the turn. No Task objects, no futures, no gather, no loop: the least
 * any generator-based event loop can spend on this workload.
 */
export function trampoline(n: number): number[] {
  const results = new Array<number>(n);
  const ready: Generator<void, number, void>[] = new Array(n);
  const index: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    ready[i] = floorChild(i);
    index[i] = i;
  }
  for (let head = 0; head < ready.length; head++) {
    const gen = ready[head] as Generator<void, number, void>;
    const step = gen.next();
    if (step.done) results[index[head] as number] = step.value;
    else {
      ready.push(gen);
      index.push(index[head] as number);
    }
  }
  return results;
}

async function nativeChild(i: number): Promise<number> {
  await null;
  return i;
}

/** Native: Promise.all of n async functions that `await null`. */
export function native(n: number): Promise<number[]> {
  const promises = new Array<Promise<number>>(n);
  for (let i = 0; i < n; i++) promises[i] = nativeChild(i);
  return Promise.all(promises);
}

function* effectionChild(i: number): effection.Operation<number> {
  yield* effection.sleep(0);
  return i;
}

/** Effection: `all()` of n operations, each `sleep(0)` (Effection has no yield-now). */
export function effectionAll(n: number): Promise<number[]> {
  return effection.run(function* () {
    const ops = new Array<effection.Operation<number>>(n);
    for (let i = 0; i < n; i++) ops[i] = effectionChild(i);
    return yield* effection.all(ops);
  });
}

/** Effect: `Effect.forEach` with unbounded concurrency, each fiber `Effect.yieldNow`. */
export function effectForEach(n: number): Promise<number[]> {
  return Effect.runPromise(
    Effect.forEach(range(n), (i) => Effect.as(Effect.yieldNow, i), { concurrency: 'unbounded' }),
  );
}

export const w1: Workload = {
  id: 'W1',
  title: 'spawn + gather',
  description: 'n tasks that each sleep(0) once and return their index, gathered in order.',
  kind: 'time',
  size: { full: { n: 100_000, span: 0 }, quick: { n: 1_000, span: 0 } },
  runs: 5,
  budgetMs: 3_000,
  implementations: [
    {
      id: 'asyncio-ts',
      library: 'asyncio-ts',
      label: 'asyncio-ts `gather` + `sleep(0)`',
      run: ({ n }) => outcome(isRange(asyncioTs(n), n)),
    },
    {
      id: 'asyncio-ts-host',
      library: 'asyncio-ts',
      label: 'asyncio-ts host mode (`runAsync`) `gather` + `sleep(0)`',
      run: async ({ n }) => outcome(isRange(await asyncioTsHost(n), n)),
    },
    {
      id: 'native',
      library: 'native',
      label: 'native `Promise.all` + `await null`',
      run: async ({ n }) => outcome(isRange(await native(n), n)),
    },
    {
      id: 'trampoline',
      library: 'floor',
      label: 'floor: bare generator trampoline (ready queue, bare `yield`)',
      run: ({ n }) => outcome(isRange(trampoline(n), n)),
    },
    {
      id: 'effection',
      library: 'effection',
      label: 'Effection `all` + `sleep(0)`',
      run: async ({ n }) => outcome(isRange(await effectionAll(n), n)),
    },
    {
      id: 'effect',
      library: 'effect',
      label: 'Effect `forEach` unbounded + `yieldNow`',
      run: async ({ n }) => outcome(isRange(await effectForEach(n), n)),
    },
    {
      id: 'cpython',
      library: 'cpython',
      label: 'CPython `asyncio.gather` + `sleep(0)`',
      impl: 'gather',
    },
  ],
  notes: [
    'The floor row is no library: generators in an array, each resumed by a `for` loop until it returns (w1-spawn-gather.ts `trampoline`).',
    "Effection has no 'give up the turn' operation: its `sleep(0)` is a `setTimeout(0)`.",
  ],
};
