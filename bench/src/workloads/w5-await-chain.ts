/**
 * W5 deep await chain: n nested coroutines; the innermost sleeps(0) once, so the whole chain
 * suspends and resumes through the scheduler, and each level adds one to the result.
 */
import { type Coroutine, run } from '@asyncio-ts/core-loop';
import { sleep } from '@asyncio-ts/timers';
import { Effect } from 'effect';
import * as effection from 'effection';
import { outcome, type Workload } from '../workload.js';

function* nest(depth: number): Coroutine<number> {
  if (depth === 0) {
    yield* sleep(0);
    return 0;
  }
  return (yield* nest(depth - 1)) + 1;
}

/** asyncio-ts: `yield* nest(depth - 1)` n deep; returns n. */
export function asyncioTs(n: number): number {
  return run(() => nest(n));
}

async function nativeNest(depth: number): Promise<number> {
  if (depth === 0) {
    await null;
    return 0;
  }
  return (await nativeNest(depth - 1)) + 1;
}

/** Native: `await nest(depth - 1)` n deep. */
export function native(n: number): Promise<number> {
  return nativeNest(n);
}

function* effectionNest(depth: number): effection.Operation<number> {
  if (depth === 0) {
    yield* effection.sleep(0);
    return 0;
  }
  return (yield* effectionNest(depth - 1)) + 1;
}

/** Effection: operations `yield* nest(depth - 1)` n deep. */
export function effectionChain(n: number): Promise<number> {
  return effection.run(() => effectionNest(n));
}

const effectNest = (depth: number): Effect.Effect<number> =>
  Effect.gen(function* () {
    if (depth === 0) {
      yield* Effect.yieldNow;
      return 0;
    }
    return (yield* effectNest(depth - 1)) + 1;
  });

/** Effect: `Effect.gen` effects `yield* nest(depth - 1)` n deep. */
export function effectChain(n: number): Promise<number> {
  return Effect.runPromise(effectNest(n));
}

export const w5: Workload = {
  id: 'W5',
  title: 'deep await chain',
  description: 'n nested coroutines; the innermost sleeps(0) once; each level adds one.',
  kind: 'time',
  size: { full: { n: 10_000, span: 0 }, quick: { n: 100, span: 0 } },
  // 10,000 nested generators or async functions overflow Node's default 984 KB stack.
  nodeFlags: ['--stack-size=4000'],
  runs: 10,
  budgetMs: 2_000,
  implementations: [
    {
      id: 'asyncio-ts',
      library: 'asyncio-ts',
      label: 'asyncio-ts `yield*` chain',
      run: ({ n }) => outcome(asyncioTs(n) === n),
    },
    {
      id: 'native',
      library: 'native',
      label: 'native `await` chain',
      run: async ({ n }) => outcome((await native(n)) === n),
    },
    {
      id: 'effection',
      library: 'effection',
      label: 'Effection `yield*` chain',
      run: async ({ n }) => outcome((await effectionChain(n)) === n),
    },
    {
      id: 'effect',
      library: 'effect',
      label: 'Effect `Effect.gen` chain',
      run: async ({ n }) => outcome((await effectChain(n)) === n),
    },
    {
      id: 'cpython',
      library: 'cpython',
      label: 'CPython `await` chain',
      impl: 'nested',
    },
  ],
  notes: ['Node children of this workload run with `--stack-size=4000` (all JS rows alike).'],
};
