import { run, runAsync } from '@asyncio-ts/core-loop';
import { describe, expect, it } from 'vitest';
import { GuardedClock, sleeps } from './trace.js';

const FAR_STARTS = [2 ** 24, Math.floor(Date.now() / 1000), 2 ** 40, 2 ** 53 - 16];

describe('far virtual times (clock values up to 2^53)', () => {
  it.each(FAR_STARTS)('fires timers at start=%d in a blocking run()', (start) => {
    const times = run(() => sleeps(4, 1), { clock: new GuardedClock({ start }) });
    expect(times).toEqual([start + 1, start + 2, start + 3, start + 4]);
  });

  it('simulates a year of daily sleeps from today (Date.now() / 1000)', () => {
    const start = Date.now() / 1000;
    const clock = new GuardedClock({ start });
    const times = run(() => sleeps(365, 86_400), { clock });
    expect(times).toHaveLength(365);
    expect(times[364]).toBeCloseTo(start + 365 * 86_400, 3);
  });

  it.each(FAR_STARTS)('fires timers at start=%d in runAsync()', async (start) => {
    const times = await runAsync(() => sleeps(3, 2), { clock: new GuardedClock({ start }) });
    expect(times).toEqual([start + 2, start + 4, start + 6]);
  });
});
