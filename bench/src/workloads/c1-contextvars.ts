/**
 * C1 contextvars: W1 (spawn + gather of tasks that each sleep(0)) with one ContextVar set in
 * main, so that every task copies a non-empty context and every done callback keeps one.
 * The plain W1 row runs in the same report: the ratio is the price of a non-empty context.
 * asyncio: `request_id.set('r-1'); await asyncio.gather(*(child(i) for i in range(n)))`.
 */
import { ContextVar } from '@asyncio-ts/contextvars';
import { type Coroutine, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep } from '@asyncio-ts/timers';
import { isRange, outcome, type Workload } from '../workload.js';
import { asyncioTs as plainW1 } from './w1-spawn-gather.js';

const requestId = new ContextVar<string>('requestId');

function* child(i: number): Coroutine<number> {
  yield* sleep(0);
  return i;
}

/** asyncio-ts: W1 after `requestId.set('r-1')` in main. */
export function asyncioTsWithContextVar(n: number): number[] {
  return run(function* () {
    requestId.set('r-1');
    const coros = new Array<Coroutine<number>>(n);
    for (let i = 0; i < n; i++) coros[i] = child(i);
    const results = yield* gather(coros);
    if (requestId.get() !== 'r-1') throw new Error('the context of main was lost');
    return results;
  });
}

export const c1: Workload = {
  id: 'C1',
  title: 'spawn + gather with a ContextVar set',
  description:
    'W1 with one ContextVar set in main: every task copies a non-empty context (target: at most 1.15× plain W1).',
  kind: 'time',
  size: { full: { n: 100_000, span: 0 }, quick: { n: 1_000, span: 0 } },
  runs: 5,
  budgetMs: 3_000,
  implementations: [
    {
      id: 'asyncio-ts',
      library: 'asyncio-ts',
      label: 'asyncio-ts W1, no ContextVar set',
      run: ({ n }) => outcome(isRange(plainW1(n), n)),
    },
    {
      id: 'asyncio-ts-contextvar',
      library: 'asyncio-ts',
      label: 'asyncio-ts W1 with `requestId.set()` in main',
      run: ({ n }) => outcome(isRange(asyncioTsWithContextVar(n), n)),
    },
    {
      id: 'cpython',
      library: 'cpython',
      label: 'CPython W1, no ContextVar set',
      impl: 'gather',
    },
    {
      id: 'cpython-contextvar',
      library: 'cpython',
      label: 'CPython W1 with `request_id.set()` in main',
      baseline: 'asyncio-ts-contextvar',
      impl: 'gather_contextvar',
    },
  ],
  notes: [
    'The `× asyncio-ts` column of the ContextVar row is the ratio to plain W1 in the same run.',
  ],
};
