import { describe, expect, it } from 'vitest';
import { Spinner } from '../src/spin-wait.js';

describe('Spinner: the short wait on the wake cell before blocking', () => {
  it('returns true at once for a cell already notified', () => {
    const cell = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(cell, 0, 1);
    expect(new Spinner().spin(cell, 10)).toBe(true);
    // It only reads the cell: clearing it stays the loop's job.
    expect(Atomics.load(cell, 0)).toBe(1);
  });

  it('returns false for a cell nobody notifies, then skips 1, 2, 4 waits after failed spins', () => {
    const cell = new Int32Array(new SharedArrayBuffer(4));
    const spinner = new Spinner();
    expect(spinner.spin(cell, 10)).toBe(false);
    // Skipped: false even with the cell set, without looking at it.
    Atomics.store(cell, 0, 1);
    expect(spinner.spin(cell, 10)).toBe(false);
    // Spins again, and finds it.
    expect(spinner.spin(cell, 10)).toBe(true);
    // A success resets the back-off: one failure skips one wait again.
    Atomics.store(cell, 0, 0);
    expect(spinner.spin(cell, 10)).toBe(false);
    Atomics.store(cell, 0, 1);
    expect(spinner.spin(cell, 10)).toBe(false);
    expect(spinner.spin(cell, 10)).toBe(true);
  });

  it('doubles the skip after each failure in a row', () => {
    const cell = new Int32Array(new SharedArrayBuffer(4));
    const spinner = new Spinner();
    const results: boolean[] = [];
    // fail, skip 1, fail, skip 2, fail, skip 4
    for (let i = 0; i < 9; i++) results.push(spinner.spin(cell, 10));
    expect(results.every((r) => r === false)).toBe(true);
    Atomics.store(cell, 0, 1);
    const after: boolean[] = [];
    for (let i = 0; i < 5; i++) after.push(spinner.spin(cell, 10));
    // Calls 1, 3, 6 spun and failed; 2, 4-5, 7-10 are skipped (10 the last); 11 spins again.
    expect(after).toEqual([false, true, true, true, true]);
  });
});
