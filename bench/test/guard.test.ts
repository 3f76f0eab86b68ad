/**
 * The regression guard (issue 24): W1 and W2 at a small size, asyncio-ts against native in
 * turns in one plain Node process on the packages' dist (src/guard.ts, guard/run.mjs); fails
 * when a ratio moves more than 2× from its reference. The planted slowdown proves it notices
 * a hot path gone quadratic.
 */
import { describe, expect, it } from 'vitest';
import { describeGuard, runGuard, TOLERANCE } from '../src/guard.js';

describe('regression guard', () => {
  it(`W1 and W2 stay within ${TOLERANCE}× of their ratio to native`, () => {
    const results = runGuard();
    expect(results.map((r) => r.id)).toEqual(['W1', 'W2']);
    for (const r of results) {
      console.info(describeGuard(r));
      expect(r.ok, describeGuard(r)).toBe(true);
    }
  });

  it('fails on a planted slowdown: W1 with a hot path gone quadratic', () => {
    const [w1] = runGuard({ planted: true });
    console.info(`planted: ${w1 === undefined ? '?' : describeGuard(w1)}`);
    expect(w1?.id).toBe('W1');
    expect(w1?.ok).toBe(false);
    expect(w1?.ratio).toBeGreaterThan((w1?.reference ?? 0) * TOLERANCE);
  });
});
