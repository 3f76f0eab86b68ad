/**
 * The regression guard (issue 24): W1 and W2 at a small size in one process, asyncio-ts
 * against the native row, run in turns. The figure is a ratio of fastest runs, so a busy
 * machine slows both sides alike; the guard fails when the ratio moves more than 2× from the
 * one recorded here, which a hot path gone quadratic does by orders of magnitude.
 * The measuring runs in a plain Node child (guard/run.mjs) on the packages' dist: the code
 * that ships, not the sources the test runner loads (through them, contextvars' cross-module
 * state alone made W2 2.4× slower while the dist did not move). Run by test/guard.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How far a ratio may move from its reference before the guard fails. */
export const TOLERANCE = 2;

/**
 * asyncio-ts / native (fastest runs) as measured when the guard was last set: runs of
 * guard/run.mjs on the shared 2-core machine (2026-12-01, load average 5-10) gave W1 1.7-2.5
 * before and 3.2-4.2 after issue 16's hardening landed (the coroutine reuse mark and the
 * own-property option checks cost most at this size: `claim` alone is 12% of the CPU time),
 * and W2 0.41-0.56. Set them again from the ratios the test prints when a deliberate change
 * moves them.
 */
export const references: Readonly<Record<string, number>> = { W1: 3.7, W2: 0.55 };

/** One guarded pair's verdict. */
export interface GuardResult {
  id: string;
  oursMs: number;
  nativeMs: number;
  ratio: number;
  reference: number;
  ok: boolean;
}

const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'guard', 'run.mjs');

/** Runs guard/run.mjs (with `--planted`: W1 gone quadratic) and judges each pair. */
export function runGuard(options: { planted?: boolean } = {}): GuardResult[] {
  const args = [script, ...(options.planted ? ['--planted'] : [])];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120_000 });
  if (child.status !== 0) {
    throw new Error(`guard/run.mjs failed (${child.status ?? child.signal}): ${child.stderr}`);
  }
  const figures = JSON.parse(child.stdout) as Record<string, { oursMs: number; nativeMs: number }>;
  return Object.entries(figures).map(([id, { oursMs, nativeMs }]) => {
    const reference = references[id] ?? Number.NaN;
    const ratio = oursMs / nativeMs;
    return { id, oursMs, nativeMs, ratio, reference, ok: ratio <= reference * TOLERANCE };
  });
}

/** One line for the test's output: the medians, the ratio and the limit. */
export function describeGuard(r: GuardResult): string {
  return `${r.id}: asyncio-ts ${r.oursMs.toFixed(3)} ms / native ${r.nativeMs.toFixed(3)} ms = ${r.ratio.toFixed(2)}× (reference ${r.reference}×, fails above ${(r.reference * TOLERANCE).toFixed(2)}×)`;
}
