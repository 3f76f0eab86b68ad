/**
 * The regression guard (issue 24): W1 and W2 at a small size in one process, asyncio-ts
 * against the native row, run in turns. The figure is a ratio of fastest runs, so a busy machine
 * slows both sides alike; the guard fails when the ratio moves more than 2× from the one
 * recorded here, which a hot path gone quadratic does by orders of magnitude.
 * Run by test/guard.test.ts (part of `pnpm test`).
 */
import * as w1 from './workloads/w1-spawn-gather.js';
import * as w2 from './workloads/w2-call-soon.js';

/** One guarded pair: asyncio-ts and the native row of the same workload, at size `n`. */
export interface GuardPair {
  id: string;
  n: number;
  ours(n: number): unknown;
  native(n: number): Promise<unknown>;
  /** asyncio-ts / native, fastest runs, as measured when the guard was last set (see below). */
  reference: number;
}

/** How far the ratio may move from its reference before the guard fails. */
export const TOLERANCE = 2;

/**
 * The guarded pairs, small enough that a run's objects die young: the ratio measures the
 * work per task, not the collector's mood. References: 5 runs of test/guard.test.ts (Vitest,
 * packages from source) on the shared 2-core machine (2026-12-01, load average 13-15) gave
 * W1 2.77-3.24 and W2 0.60-0.65 (plain Node on dist: W1 1.9-2.1, W2 0.45-0.48). Set them
 * again from the ratio the test prints when a deliberate change moves them.
 */
export const pairs: readonly GuardPair[] = [
  {
    id: 'W1',
    n: 2_000,
    ours: (n) => w1.asyncioTs(n),
    native: (n) => w1.native(n),
    reference: 3.0,
  },
  {
    id: 'W2',
    n: 20_000,
    ours: (n) => w2.asyncioTs(n),
    native: (n) => w2.native(n, queueMicrotask),
    reference: 0.63,
  },
];

/** The verdict of one pair: the fastest runs, their ratio, and whether it is within tolerance. */
export interface GuardResult {
  id: string;
  oursMs: number;
  nativeMs: number;
  ratio: number;
  reference: number;
  ok: boolean;
}

/**
 * Measures `pair` in turns and judges the ratio: `warmup` runs of each first (a cold
 * asyncio-ts runs 5-10× slower than a warm one: the JIT has not compiled the loop yet), then
 * `rounds` of each. About half a second a pair.
 */
export async function guard(pair: GuardPair, rounds = 31, warmup = 30): Promise<GuardResult> {
  const ours: number[] = [];
  const native: number[] = [];
  for (let i = 0; i < warmup; i++) {
    pair.ours(pair.n);
    await pair.native(pair.n);
  }
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    pair.ours(pair.n);
    ours.push(performance.now() - t);
    t = performance.now();
    await pair.native(pair.n);
    native.push(performance.now() - t);
  }
  // The fastest run of each: a busy machine only ever adds time (and a scavenge that falls
  // inside one run), so the minimum is the steadiest figure of a few short runs.
  const oursMs = Math.min(...ours);
  const nativeMs = Math.min(...native);
  const ratio = oursMs / nativeMs;
  return {
    id: pair.id,
    oursMs,
    nativeMs,
    ratio,
    reference: pair.reference,
    ok: ratio <= pair.reference * TOLERANCE,
  };
}
