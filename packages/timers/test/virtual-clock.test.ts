import {
  type Coroutine,
  EventLoop,
  getRunningLoop,
  RuntimeError,
  run,
  runAsync,
} from '@asyncio-ts/core-loop';
import { sleep, timeout, VirtualClock } from '@asyncio-ts/timers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { all, caught, runTraced, spawn } from './trace.js';

describe('VirtualClock', () => {
  it('starts at 0, or at `start`, and stands still while nothing is scheduled', () => {
    expect(new VirtualClock().now()).toBe(0);
    const clock = new VirtualClock({ start: 1000 });
    expect(clock.now()).toBe(1000);
    expect(clock.now()).toBe(1000);
    expect(clock.rate).toBe(0);
  });

  it('drives run(main, { clock }): loop.time() starts at `start`', () => {
    const clock = new VirtualClock({ start: 50 });
    const times = run(
      function* () {
        const loop = getRunningLoop();
        const first = loop.time();
        yield* sleep(2.5);
        return [first, loop.time()];
      },
      { clock },
    );
    expect(times).toEqual([50, 52.5]);
    expect(clock.now()).toBe(52.5);
  });

  it('drives new EventLoop({ clock }) with callLater and callAt', () => {
    const clock = new VirtualClock();
    const loop = new EventLoop({ clock });
    const seen: string[] = [];
    loop.callLater(3, () => seen.push(`b at ${loop.time()}`));
    loop.callAt(1, () => seen.push(`a at ${loop.time()}`));
    loop.callLater(7, () => loop.stop());
    loop.runForever();
    loop.close();
    expect(seen).toEqual(['a at 1', 'b at 3']);
    expect(clock.now()).toBe(7);
  });

  it('runs a simulated day of sleeps with exact times', () => {
    const { result, lines } = runTraced(function* (trace) {
      const loop = getRunningLoop();
      const hourly = spawn(
        (function* () {
          for (let hour = 1; hour <= 24; hour++) {
            yield* sleep(3600);
            if (hour % 6 === 0) trace.log(`hour ${hour}`);
          }
        })(),
      );
      const minutes = spawn(
        (function* () {
          let ticks = 0;
          while (loop.time() < 86400) {
            yield* sleep(60);
            ticks++;
          }
          return ticks;
        })(),
      );
      yield* hourly;
      return yield* minutes;
    });
    expect(result).toBe(1440);
    expect(lines).toEqual([
      't=21600 hour 6',
      't=43200 hour 12',
      't=64800 hour 18',
      't=86400 hour 24',
    ]);
  });

  it('does not move while callbacks run, however long they take', () => {
    const { result } = runTraced(function* () {
      const loop = getRunningLoop();
      const before = loop.time();
      let x = 0;
      for (let i = 0; i < 1e6; i++) x += i;
      return [before, loop.time(), x > 0];
    });
    expect(result).toEqual([0, 0, true]);
  });

  it('gives the same trace and times on every run', () => {
    function* program(trace: { log(m: string): void }): Coroutine<void> {
      const tasks = [0.3, 0.1, 0.2, 0.1, 0.7].map((step, i) =>
        spawn(
          (function* () {
            for (let k = 0; k < 5; k++) {
              yield* sleep(step * ((k % 3) + 1));
              trace.log(`task ${i} step ${k}`);
            }
          })(),
        ),
      );
      yield* all(tasks);
    }
    const first = runTraced(program).lines;
    const second = runTraced(program).lines;
    expect(first).toHaveLength(25);
    expect(second).toEqual(first);
  });

  it('fires any set of timers in deadline order, each at its exact deadline', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 60 }), (millis) => {
        const fired = run(
          function* () {
            const loop = getRunningLoop();
            const order: [number, number][] = [];
            yield* all(
              millis.map((ms, i) =>
                spawn(
                  (function* () {
                    yield* sleep(ms / 1000);
                    order.push([i, loop.time()]);
                  })(),
                ),
              ),
            );
            return order;
          },
          { clock: new VirtualClock() },
        );
        const expected = millis
          .map((ms, i) => [i, ms / 1000] as [number, number])
          .sort((a, b) => a[1] - b[1] || (a[1] === 0 ? 0 : a[0] - b[0]));
        // sleep(0) is a bare yield, not a timer: those wake first, in start order.
        expect(fired.map(([, t]) => t)).toEqual(expected.map(([, t]) => t));
        expect(fired.filter(([, t]) => t > 0)).toEqual(expected.filter(([, t]) => t > 0));
      }),
      { numRuns: 50 },
    );
  });

  describe('jump', () => {
    it('moves time by hand; a timer that became due runs late, at the jumped-to time', () => {
      const { lines, clock } = runTraced(function* (trace) {
        const loop = getRunningLoop();
        const clock = loop.getClock() as VirtualClock;
        const sleeper = spawn(
          (function* () {
            yield* sleep(10);
            trace.log('sleeper wakes');
          })(),
        );
        yield* sleep(0);
        clock.jump(7);
        trace.log('jumped 7');
        yield* sleep(0);
        clock.jump(5);
        trace.log('jumped 5');
        yield* sleeper;
      });
      expect(lines).toEqual(['t=7 jumped 7', 't=12 jumped 5', 't=12 sleeper wakes']);
      expect(clock.now()).toBe(12);
    });

    it('can expire a timeout', () => {
      const { result } = runTraced(function* () {
        const clock = getRunningLoop().getClock() as VirtualClock;
        const error = yield* caught(
          timeout(60, function* () {
            clock.jump(61);
            yield* sleep(0);
            yield* sleep(1);
          }),
        );
        return [(error as Error).name, clock.now()];
      });
      expect(result).toEqual(['TimeoutError', 61]);
    });

    it('refuses to go backwards or to nowhere', () => {
      const clock = new VirtualClock();
      expect(() => clock.jump(-1)).toThrow(
        new RangeError(
          "time can't go backwards: jump() needs a finite number of seconds >= 0, got -1",
        ),
      );
      expect(() => clock.jump(Number.NaN)).toThrow(
        new TypeError('jump() seconds must be a number of seconds, got NaN'),
      );
      expect(() => clock.jump(Number.POSITIVE_INFINITY)).toThrow(RangeError);
      expect(() => clock.jump('1' as unknown as number)).toThrow(
        new TypeError("jump() seconds must be a number of seconds, got '1'"),
      );
      clock.jump(0);
      expect(clock.now()).toBe(0);
    });
  });

  it('drives a host-mode run (runAsync) the same way, with native promises in between', async () => {
    const clock = new VirtualClock();
    const trace = await runAsync(
      function* () {
        const loop = getRunningLoop();
        const seen: string[] = [];
        yield* sleep(3600);
        seen.push(`after an hour: ${loop.time()}`);
        const value = yield Promise.resolve('native');
        seen.push(`${String(value)} at ${loop.time()}`);
        yield* sleep(0.5);
        seen.push(`end: ${loop.time()}`);
        return seen;
      },
      { clock },
    );
    expect(trace).toEqual(['after an hour: 3600', 'native at 3600', 'end: 3600.5']);
  });

  it('still reports a deadlock instead of jumping to nowhere', () => {
    const clock = new VirtualClock();
    expect(() =>
      run(
        function* () {
          yield* getRunningLoop().createFuture();
        },
        { clock },
      ),
    ).toThrow(RuntimeError);
    expect(clock.now()).toBe(0);
  });

  it('validates its options', () => {
    expect(() => new VirtualClock({ start: '0' as unknown as number })).toThrow(
      new TypeError("VirtualClock start must be a number, got '0'"),
    );
    expect(() => new VirtualClock({ start: Number.NaN })).toThrow(
      new RangeError('VirtualClock start must be a finite number, got NaN'),
    );
    expect(() => new VirtualClock({ rate: -1 })).toThrow(
      new RangeError('VirtualClock rate must be a finite number >= 0, got -1'),
    );
    expect(() => new VirtualClock({ rate: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => new VirtualClock({ rate: null as unknown as number })).toThrow(TypeError);
    expect(() => new VirtualClock(5 as never)).toThrow(
      new TypeError('VirtualClock options must be an object, got 5'),
    );
    expect(new VirtualClock({ start: -5, rate: 2 }).rate).toBe(2);
  });

  describe('with a rate', () => {
    it('asks the loop to wait (deadline - now) / rate real seconds', () => {
      const clock = new VirtualClock({ start: 10, rate: 4 });
      const now = clock.now();
      expect(now).toBe(10);
      const wait = clock.idleUntil(now + 2);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(0.5);
      expect(clock.idleUntil(now - 1)).toBe(0);
    });

    it('adds jumps to the flowing time', () => {
      const clock = new VirtualClock({ rate: 1 });
      clock.now();
      clock.jump(100);
      expect(clock.now()).toBeGreaterThanOrEqual(100);
      expect(clock.now()).toBeLessThan(110);
    });
  });

  it('shows its time and rate', () => {
    expect(String(new VirtualClock({ start: 2.5 }))).toBe('<VirtualClock now=2.5 rate=0>');
  });
});
