import { getRunningLoop, run, TimeoutError } from '@asyncio-ts/core-loop';
import { sleep, timeout, VirtualClock, waitFor } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';

// A few tests on real time, with generous bounds: a loaded machine may wake us late.
describe('on the real clock', () => {
  it('wakes a sleep after its deadline, not long after', () => {
    const { late, loopLate } = run(function* () {
      const loop = getRunningLoop();
      const started = performance.now();
      const loopStarted = loop.time();
      yield* sleep(0.05);
      return {
        late: (performance.now() - started) / 1000 - 0.05,
        loopLate: loop.time() - loopStarted - 0.05,
      };
    });
    expect(loopLate).toBeGreaterThanOrEqual(-1e-9);
    expect(late).toBeGreaterThan(-0.001);
    expect(late).toBeLessThan(0.1);
  });

  it('uses next to no CPU while it sleeps (no busy wait)', () => {
    const before = process.cpuUsage();
    run(function* () {
      yield* sleep(0.3);
    });
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1e6).toBeLessThan(0.15);
  });

  it('expires timeout and waitFor on real time', () => {
    const started = performance.now();
    const names = run(function* () {
      const names: string[] = [];
      try {
        yield* timeout(0.03, () => sleep(10));
      } catch (error) {
        names.push((error as Error).name);
      }
      try {
        yield* waitFor(sleep(10), 0.03);
      } catch (error) {
        if (error instanceof TimeoutError) names.push('waitFor TimeoutError');
      }
      return names;
    });
    const elapsed = (performance.now() - started) / 1000;
    expect(names).toEqual(['TimeoutError', 'waitFor TimeoutError']);
    expect(elapsed).toBeGreaterThanOrEqual(0.059);
    expect(elapsed).toBeLessThan(2);
  });

  it('a VirtualClock with rate 20 runs a 2 s program in about 0.1 s of real time', () => {
    const clock = new VirtualClock({ rate: 20 });
    const started = performance.now();
    const end = run(
      function* () {
        yield* sleep(2);
        return getRunningLoop().time();
      },
      { clock },
    );
    const elapsed = (performance.now() - started) / 1000;
    expect(end).toBeGreaterThanOrEqual(2);
    expect(end).toBeLessThan(2 + 20 * 0.5);
    expect(elapsed).toBeGreaterThanOrEqual(0.095);
    expect(elapsed).toBeLessThan(1);
  });
});
