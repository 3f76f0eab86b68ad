/**
 * T2 multi-core: four CPU-bound calls of `span` seconds each, one after another and then
 * gathered, on the default executor; a ticker task sleeps 10 ms in a loop meanwhile and
 * records its largest gap. The sample is the gathered time; metrics: the sequential time,
 * gathered / sequential, and the ticker's largest gap.
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

function* program(span: number): Coroutine<MultiCore> {
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
  let t = performance.now();
  for (let i = 0; i < CALLS; i++) yield* toThread(threadsWork, 'spin', span);
  const sequentialMs = performance.now() - t;
  t = performance.now();
  yield* gather(Array.from({ length: CALLS }, () => toThread(threadsWork, 'spin', span)));
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

/** asyncio-ts in a blocking `run()`. */
export function asyncioTs(span: number): MultiCore {
  return run(() => program(span));
}

/** asyncio-ts in host mode. */
export function asyncioTsHost(span: number): Promise<MultiCore> {
  return runAsync(() => program(span));
}

export const t2: Workload = {
  id: 'T2',
  title: 'toThread: four CPU-bound calls on every core',
  description:
    'four calls that each keep a core busy for `span` seconds, run one after another and then gathered, while a task ticks every 10 ms; median = one whole run.',
  kind: 'time',
  size: { full: { n: CALLS, span: 0.5 }, quick: { n: CALLS, span: 0.05 } },
  runs: 3,
  budgetMs: 0,
  implementations: [
    {
      id: 'asyncio-ts-host',
      library: 'asyncio-ts',
      label: 'asyncio-ts `gather` of `toThread` in `runAsync`',
      run: async ({ span }) => report(await asyncioTsHost(span)),
    },
    {
      id: 'asyncio-ts',
      library: 'asyncio-ts',
      label: 'asyncio-ts `gather` of `toThread` in a blocking `run()`',
      run: ({ span }) => report(asyncioTs(span)),
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
