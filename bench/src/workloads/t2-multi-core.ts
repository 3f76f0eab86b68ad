/**
 * T2 multi-core: four calls of a fixed amount of CPU work (about `span` seconds each on one
 * core), one after another and then gathered, on the
 * default executor; a ticker task sleeps 10 ms in a loop meanwhile and records its largest
 * gap. Metrics: both times, gathered / sequential and the ticker's largest gap. The work is
 * counted in steps, not in seconds of wall time: a wall-clock spin would end on time however
 * few cores ran it.
 */
import { type Coroutine, getRunningLoop, run, runAsync } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { toThread } from '@asyncio-ts/threads';
import { sleep } from '@asyncio-ts/timers';
import { type Outcome, outcome, type Workload } from '../workload.js';
import { threadsWork } from './t1-to-thread.js';

const CALLS = 4;

/** What one run measured, ms. */
export interface MultiCore {
  sequentialMs: number;
  gatheredMs: number;
  maxGapMs: number;
}

/**
 * Rounds of `burn` a second on one core of the machine the figures were taken on (measured
 * once; Node rows use the same count, so their times compare across rows and processes).
 */
const ROUNDS_PER_SECOND = 6e8;

/** The rounds of `burn` for about `span` seconds of one core. */
function roundsFor(span: number): number {
  return Math.round(span * ROUNDS_PER_SECOND);
}

function* program(rounds: number): Coroutine<MultiCore> {
  const loop = getRunningLoop();
  let last = performance.now();
  let maxGapMs = 0;
  let ticking = true;
  const ticker = loop.createTask(
    (function* () {
      while (ticking) {
        yield* sleep(0.01);
        const now = performance.now();
        maxGapMs = Math.max(maxGapMs, now - last);
        last = now;
      }
    })(),
  );
  // The pool's first thread starts outside the timing, as CPython's threads start in no time.
  yield* toThread(threadsWork, 'burn', 1);
  let t = performance.now();
  for (let i = 0; i < CALLS; i++) yield* toThread(threadsWork, 'burn', rounds);
  const sequentialMs = performance.now() - t;
  t = performance.now();
  yield* gather(Array.from({ length: CALLS }, () => toThread(threadsWork, 'burn', rounds)));
  const gatheredMs = performance.now() - t;
  ticking = false;
  yield* ticker;
  return { sequentialMs, gatheredMs, maxGapMs };
}

function report(m: MultiCore): Outcome {
  return outcome(m.sequentialMs > 0 && m.gatheredMs > 0, {
    sequential_ms: m.sequentialMs,
    gathered_ms: m.gatheredMs,
    ratio: m.gatheredMs / m.sequentialMs,
    max_gap_ms: m.maxGapMs,
  });
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.module).then(({ burn }) => {
  parentPort.on('message', (rounds) => parentPort.postMessage(burn(rounds)));
  parentPort.postMessage('ready');
});`;

/**
 * The floor: the same calls on plain node:worker_threads (one Worker a core, no library),
 * with a setInterval ticker. Its ratio shows how much parallelism the machine had to give.
 */
export async function nativeWorkers(rounds: number): Promise<MultiCore> {
  const { Worker } = await import('node:worker_threads');
  const { availableParallelism } = await import('node:os');
  const workers = Array.from(
    { length: Math.min(CALLS, availableParallelism()) },
    () => new Worker(WORKER_SOURCE, { eval: true, workerData: { module: threadsWork.href } }),
  );
  const call = (w: InstanceType<typeof Worker>, message: unknown) =>
    new Promise<unknown>((resolve) => {
      w.once('message', resolve);
      if (message !== undefined) w.postMessage(message);
    });
  try {
    await Promise.all(workers.map((w) => call(w, undefined)));
    let last = performance.now();
    let maxGapMs = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      maxGapMs = Math.max(maxGapMs, now - last);
      last = now;
    }, 10);
    const first = workers[0] as InstanceType<typeof Worker>;
    let t = performance.now();
    for (let i = 0; i < CALLS; i++) await call(first, rounds);
    const sequentialMs = performance.now() - t;
    t = performance.now();
    await Promise.all(
      workers.map(async (w, k) => {
        for (let i = k; i < CALLS; i += workers.length) await call(w, rounds);
      }),
    );
    const gatheredMs = performance.now() - t;
    clearInterval(ticker);
    return { sequentialMs, gatheredMs, maxGapMs };
  } finally {
    for (const w of workers) void w.terminate();
  }
}

/** asyncio-ts in a blocking `run()`, with `rounds` of work a call (see `roundsFor`). */
export function asyncioTs(rounds: number): MultiCore {
  return run(() => program(rounds));
}

/** asyncio-ts in host mode. */
export function asyncioTsHost(rounds: number): Promise<MultiCore> {
  return runAsync(() => program(rounds));
}

export const t2: Workload = {
  id: 'T2',
  title: 'toThread: four CPU-bound calls on every core',
  description:
    'four calls of a fixed amount of CPU work (about `span` seconds each on one core), run one after another and then gathered, while a task ticks every 10 ms; median = one whole run.',
  kind: 'time',
  size: { full: { n: CALLS, span: 0.5 }, quick: { n: CALLS, span: 0.05 } },
  runs: 3,
  budgetMs: 0,
  implementations: [
    {
      id: 'asyncio-ts-host',
      library: 'asyncio-ts',
      label: 'asyncio-ts `gather` of `toThread` in `runAsync`',
      run: async ({ span }) => report(await asyncioTsHost(roundsFor(span))),
    },
    {
      id: 'asyncio-ts',
      library: 'asyncio-ts',
      label: 'asyncio-ts `gather` of `toThread` in a blocking `run()`',
      run: ({ span }) => report(asyncioTs(roundsFor(span))),
    },
    {
      id: 'native-workers',
      library: 'native',
      label: 'plain `node:worker_threads`, one Worker a core (the machine’s floor)',
      run: async ({ span }) => report(await nativeWorkers(roundsFor(span))),
    },
    {
      id: 'cpython',
      library: 'cpython',
      label: 'CPython `gather` of `asyncio.to_thread` (one GIL)',
      impl: 'to_thread',
    },
  ],
  notes: [
    'The target (issue 20): gathered ≤ 0.65× sequential on 2 cores, in both modes, and no ticker gap over 50 ms. Columns: the gathered time, gathered / sequential and the largest gap of the ticker (medians over the runs); the median column is a whole run (sequential + gathered).',
  ],
};
