/**
 * The regression guard (issue 24): W1 and W2 at a small size, asyncio-ts against native in
 * turns in this process; fails when the ratio moves more than 2× from its reference
 * (src/guard.ts). The planted slowdown proves it notices a hot path gone quadratic.
 */
import { type Coroutine, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';
import { type GuardPair, guard, pairs, TOLERANCE } from '../src/guard.js';
import { isRange } from '../src/workload.js';

function describeResult(r: Awaited<ReturnType<typeof guard>>): string {
  return `${r.id}: asyncio-ts ${r.oursMs.toFixed(3)} ms / native ${r.nativeMs.toFixed(3)} ms = ${r.ratio.toFixed(2)}× (reference ${r.reference}×, fails above ${(r.reference * TOLERANCE).toFixed(2)}×)`;
}

/** W1 with a planted slowdown: every task, once woken, scans every task (O(n²) in all). */
function quadraticW1(n: number): number[] {
  return run(function* () {
    const seen = new Array<number>(n).fill(0);
    function* child(i: number): Coroutine<number> {
      yield* sleep(0);
      let total = 0;
      for (let j = 0; j < n; j++) total += seen[j] as number;
      seen[i] = total === -1 ? 0 : 1;
      return i;
    }
    const coros = new Array<Coroutine<number>>(n);
    for (let i = 0; i < n; i++) coros[i] = child(i);
    return yield* gather(coros);
  });
}

describe('regression guard', () => {
  for (const pair of pairs) {
    it(`${pair.id} stays within ${TOLERANCE}× of its ratio to native`, async () => {
      const r = await guard(pair);
      console.info(describeResult(r));
      expect(r.ok, describeResult(r)).toBe(true);
    });
  }

  it('fails on a planted slowdown: W1 with a hot path gone quadratic', async () => {
    const w1 = pairs.find((p) => p.id === 'W1') as GuardPair;
    expect(isRange(quadraticW1(w1.n), w1.n)).toBe(true);
    const r = await guard({ ...w1, ours: quadraticW1 }, 5, 3);
    console.info(`planted: ${describeResult(r)}`);
    expect(r.ok).toBe(false);
    expect(r.ratio).toBeGreaterThan(w1.reference * TOLERANCE);
  });
});
