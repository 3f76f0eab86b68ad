/**
 * T1 toThread: n tiny calls (`add(a, b)`) on worker threads, 100 at a time (gathered in
 * waves), each run a fresh loop and pool. asyncio: `asyncio.to_thread(add, a, b)`; the floor
 * is Piscina's own `run()` (and tinypool's), the pools Node programs use.
 */
import { availableParallelism } from 'node:os';
import { run, runAsync } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { toThread } from '@asyncio-ts/threads';
import { Piscina } from 'piscina';
import { Tinypool } from 'tinypool';
import { outcome, type Workload } from '../workload.js';

/** The bench's worker module (bench/workers/threads-work.mjs, beside dist/). */
export const threadsWork = new URL('../../workers/threads-work.mjs', import.meta.url);

const WAVE = 100;

/** Sum of a + b over the n calls: call i is add(i, 1). */
function expected(n: number): number {
  return (n * (n - 1)) / 2 + n;
}

function* waves(n: number) {
  let total = 0;
  for (let start = 0; start < n; start += WAVE) {
    const calls = [];
    for (let i = start; i < Math.min(n, start + WAVE); i++) {
      calls.push(toThread<number>(threadsWork, 'add', i, 1));
    }
    for (const value of yield* gather(calls)) total += value;
  }
  return total;
}

/** asyncio-ts, blocking `run()`: the loop sleeps in Atomics.wait between results. */
export function asyncioTs(n: number): number {
  return run(() => waves(n));
}

/** asyncio-ts in host mode (`runAsync`). */
export function asyncioTsHost(n: number): Promise<number> {
  return runAsync(() => waves(n));
}

interface PromisePool {
  run(task: { a: number; b: number }, options: { name: string }): Promise<number>;
  destroy(): Promise<void>;
}

async function poolWaves(pool: PromisePool, n: number): Promise<number> {
  let total = 0;
  try {
    for (let start = 0; start < n; start += WAVE) {
      const calls: Promise<number>[] = [];
      for (let i = start; i < Math.min(n, start + WAVE); i++) {
        calls.push(pool.run({ a: i, b: 1 }, { name: 'addTask' }));
      }
      for (const value of await Promise.all(calls)) total += value;
    }
  } finally {
    await pool.destroy();
  }
  return total;
}

/** Options of both peers: as many threads as asyncio-ts's default executor, one a core. */
const poolOptions = () => ({
  filename: threadsWork.href,
  minThreads: availableParallelism(),
  maxThreads: availableParallelism(),
});

/** Piscina's own `run()`, native promises, one thread a core. */
export function piscina(n: number): Promise<number> {
  return poolWaves(new Piscina(poolOptions()) as unknown as PromisePool, n);
}

/** tinypool's `run()`, the same way. */
export function tinypool(n: number): Promise<number> {
  return poolWaves(new Tinypool(poolOptions()) as unknown as PromisePool, n);
}

export const t1: Workload = {
  id: 'T1',
  title: 'toThread: tiny calls on worker threads',
  description:
    'n calls of a tiny export on worker threads, 100 at a time (gathered in waves); each run starts a loop and its pool and shuts them down.',
  kind: 'time',
  size: { full: { n: 10_000, span: 0 }, quick: { n: 100, span: 0 } },
  runs: 5,
  budgetMs: 3_000,
  implementations: [
    {
      id: 'asyncio-ts-host',
      library: 'asyncio-ts',
      label: 'asyncio-ts `toThread` in `runAsync`',
      run: async ({ n }) => outcome((await asyncioTsHost(n)) === expected(n)),
    },
    {
      id: 'asyncio-ts',
      library: 'asyncio-ts',
      label: 'asyncio-ts `toThread` in a blocking `run()`',
      run: ({ n }) => outcome(asyncioTs(n) === expected(n)),
    },
    {
      id: 'piscina',
      library: 'native',
      label: 'Piscina `run()` (native promises), the floor',
      run: async ({ n }) => outcome((await piscina(n)) === expected(n)),
    },
    {
      id: 'tinypool',
      library: 'native',
      label: 'tinypool `run()` (native promises)',
      run: async ({ n }) => outcome((await tinypool(n)) === expected(n)),
    },
    {
      id: 'cpython',
      library: 'cpython',
      label: 'CPython `asyncio.to_thread`',
      impl: 'to_thread',
    },
  ],
  notes: [
    'Calls per second = n / median. asyncio-ts and Piscina/tinypool use worker threads (a structured-clone message each way), one thread a core; CPython uses OS threads in one interpreter (no copy, one GIL), min(32, cores + 4) of them.',
  ],
};
