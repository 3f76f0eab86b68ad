import { RuntimeError } from '@asyncio-ts/core-loop';
import { monotonic, perfCounter, sleepSync } from '@asyncio-ts/sync-baseline';
import { VirtualClock } from '@asyncio-ts/timers';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('sleepSync on real time', () => {
  it('blocks the thread for the given time, never less, and (best of 5) under 2 ms more', () => {
    for (const seconds of [0.01, 0.05, 0.2]) {
      const over: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = perfCounter();
        sleepSync(seconds);
        const slept = perfCounter() - start;
        expect(slept).toBeGreaterThanOrEqual(seconds);
        over.push(slept - seconds);
      }
      // A busy machine deschedules the thread now and then (CI runs many suites at once):
      // the best of 5 shows the sleep's own accuracy, without the scheduler's noise.
      expect(Math.min(...over)).toBeLessThan(0.002);
    }
  });

  it('does not burn CPU while it blocks for 1 s', () => {
    const cpu = process.cpuUsage();
    const start = monotonic();
    sleepSync(1);
    const used = process.cpuUsage(cpu);
    expect(monotonic() - start).toBeGreaterThanOrEqual(1);
    expect((used.user + used.system) / 1e6).toBeLessThan(0.05);
  });

  it('returns at once for 0, without waiting at all', () => {
    const wait = vi.spyOn(Atomics, 'wait');
    const start = perfCounter();
    sleepSync(0);
    expect(perfCounter() - start).toBeLessThan(0.01);
    expect(wait).not.toHaveBeenCalled();
  });

  it('keeps timers and other callbacks of the thread from running while it blocks', async () => {
    const order: string[] = [];
    const fired = new Promise<void>((resolve) =>
      setTimeout(() => {
        order.push('timer');
        resolve();
      }, 10),
    );
    sleepSync(0.05);
    order.push('sleep returned');
    await fired;
    expect(order).toEqual(['sleep returned', 'timer']);
  });
});

describe('sleepSync on a virtual clock', () => {
  it('advances the clock instead of blocking', () => {
    const clock = new VirtualClock();
    const before = clock.now();
    const start = perfCounter();
    sleepSync(3600, { clock });
    expect(clock.now() - before).toBe(3600);
    expect(perfCounter() - start).toBeLessThan(0.05);
  });

  it('adds up exactly, sleep after sleep', () => {
    const clock = new VirtualClock({ start: 10 });
    sleepSync(2, { clock });
    sleepSync(2, { clock });
    sleepSync(0, { clock });
    expect(clock.now()).toBe(14);
  });

  it('blocks for seconds / rate on a clock that runs at a rate', () => {
    const clock = new VirtualClock({ rate: 10 });
    const before = clock.now();
    const start = perfCounter();
    sleepSync(1, { clock });
    const real = perfCounter() - start;
    expect(real).toBeGreaterThanOrEqual(0.09);
    expect(real).toBeLessThan(0.5);
    expect(clock.now() - before).toBeGreaterThanOrEqual(0.99);
  });
});

describe('sleepSync with bad input', () => {
  it('throws RangeError for a negative length', () => {
    expect(() => sleepSync(-1)).toThrow(new RangeError('sleep length must be non-negative'));
    expect(() => sleepSync(-0.001, { clock: new VirtualClock() })).toThrow(RangeError);
  });

  it('throws TypeError for NaN and for values that are not numbers', () => {
    expect(() => sleepSync(Number.NaN)).toThrow(
      new TypeError('sleepSync() seconds must be a number of seconds, got NaN'),
    );
    expect(() => sleepSync('2' as unknown as number)).toThrow(
      new TypeError("sleepSync() seconds must be a number of seconds, got '2'"),
    );
    expect(() => sleepSync(undefined as unknown as number)).toThrow(
      new TypeError('sleepSync() seconds must be a number of seconds, got undefined'),
    );
    expect(() => sleepSync(2n as unknown as number)).toThrow(TypeError);
  });

  it('refuses to block forever', () => {
    expect(() => sleepSync(Number.POSITIVE_INFINITY)).toThrow(
      new RangeError('sleep length must be finite'),
    );
  });
});

describe('sleepSync where the thread may not block', () => {
  it('throws a RuntimeError that says so when Atomics.wait is not allowed', () => {
    vi.spyOn(Atomics, 'wait').mockImplementation(() => {
      throw new TypeError('Atomics.wait cannot be called in this context');
    });
    const call = () => sleepSync(0.01);
    expect(call).toThrow(RuntimeError);
    expect(call).toThrow(/Atomics\.wait is not allowed here \(as on a browser main thread\)/);
  });

  it('throws instead of busy-waiting when SharedArrayBuffer is missing', () => {
    vi.stubGlobal('SharedArrayBuffer', undefined);
    expect(() => sleepSync(0.01)).toThrow(/SharedArrayBuffer and Atomics are not available/);
  });

  it('still sleeps on a virtual clock there, since nothing blocks', () => {
    vi.stubGlobal('SharedArrayBuffer', undefined);
    const clock = new VirtualClock({ start: 0 });
    sleepSync(5, { clock });
    expect(clock.now()).toBe(5);
  });
});

describe('perfCounter and monotonic', () => {
  it('count seconds and never go backwards', () => {
    const a = perfCounter();
    const b = monotonic();
    sleepSync(0.01);
    expect(perfCounter() - a).toBeGreaterThanOrEqual(0.01);
    expect(monotonic() - b).toBeGreaterThanOrEqual(0.01);
    expect(perfCounter() - a).toBeLessThan(1);
  });
});
