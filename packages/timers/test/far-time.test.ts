import { type Coroutine, getRunningLoop, RuntimeError, run, runAsync } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';

/** A VirtualClock that fails instead of letting a spinning loop hang the test. */
class GuardedClock extends VirtualClock {
  private reads = 0;
  override now(): number {
    if (++this.reads > 100_000)
      throw new RuntimeError('the loop spins: time never reaches a timer');
    return super.now();
  }
}

/** Sleeps `steps` times `seconds`, recording loop.time() after each. */
function* sleeps(steps: number, seconds: number): Coroutine<number[]> {
  const loop = getRunningLoop();
  const times: number[] = [];
  for (let i = 0; i < steps; i++) {
    yield* sleep(seconds);
    times.push(loop.time());
  }
  return times;
}

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
