/**
 * W2 callSoon: n callbacks scheduled at once, then run; the last one resolves a future.
 * asyncio: `loop.call_soon(cb)` n times inside `asyncio.run`.
 */
import { getRunningLoop, run } from '@asyncio-ts/core-loop';
import { outcome, type Workload } from '../workload.js';

/** asyncio-ts: `loop.callSoon(cb)` n times; returns how many callbacks ran. */
export function asyncioTs(n: number): number {
  return run(function* () {
    const loop = getRunningLoop();
    const done = loop.createFuture<number>();
    let count = 0;
    const callback = (): void => {
      count++;
      if (count === n) done.setResult(count);
    };
    for (let i = 0; i < n; i++) loop.callSoon(callback);
    return yield* done;
  });
}

/** Native: n `queueMicrotask` callbacks (or `setImmediate`); resolves with how many ran. */
export function native(n: number, schedule: (cb: () => void) => unknown): Promise<number> {
  return new Promise((resolve) => {
    let count = 0;
    const callback = (): void => {
      count++;
      if (count === n) resolve(count);
    };
    for (let i = 0; i < n; i++) schedule(callback);
  });
}

export const w2: Workload = {
  id: 'W2',
  title: 'callSoon',
  description: 'n callbacks scheduled at once on the loop, then run (the last resolves a future).',
  kind: 'time',
  size: { full: { n: 1_000_000, span: 0 }, quick: { n: 10_000, span: 0 } },
  runs: 5,
  budgetMs: 3_000,
  implementations: [
    {
      id: 'asyncio-ts',
      library: 'asyncio-ts',
      label: 'asyncio-ts `loop.callSoon`',
      run: ({ n }) => outcome(asyncioTs(n) === n),
    },
    {
      id: 'native-microtask',
      library: 'native',
      label: 'native `queueMicrotask`',
      run: async ({ n }) => outcome((await native(n, queueMicrotask)) === n),
    },
    {
      id: 'native-immediate',
      library: 'native',
      label: 'native `setImmediate`',
      run: async ({ n }) => outcome((await native(n, setImmediate)) === n),
    },
    {
      id: 'cpython',
      library: 'cpython',
      label: 'CPython `loop.call_soon`',
      impl: 'call_soon',
    },
  ],
  notes: ['Effection and Effect have no public API to schedule a plain callback: not measured.'],
};
