/** Issue 16 (branch hardening): its items inside nested runs (nest-patch applied). */

import { type DoneCallback, Future, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectGarbage, EXPECTED, GuardedClock, gatherCycle, sleeps } from './support.js';

describe('hardening inside nested runs', () => {
  afterEach(() => revert());

  it('fires timers at a far virtual time (2^24 s) in a nested run()', () => {
    apply();
    const start = 2 ** 24;
    const times = run(
      function* () {
        yield* sleep(1);
        return run(() => sleeps(2, 1));
      },
      { clock: new GuardedClock({ start }) },
    );
    expect(times).toEqual([start + 2, start + 3]);
  });

  it('refuses to reuse a coroutine in a nested run()', () => {
    apply();
    const message = run(
      function* () {
        const coro = sleeps(1, 1);
        run(coro);
        try {
          run(coro);
        } catch (error) {
          return `${(error as Error).name}: ${(error as Error).message}`;
        }
        return 'reused';
      },
      { clock: new VirtualClock() },
    );
    expect(message).toBe('RuntimeError: cannot reuse already awaited coroutine');
  });

  it('cancel() ends await cycles in a nested run(): gather(t) where t awaits the gather', () => {
    apply();
    const log: string[] = [];
    const result = run(
      function* () {
        yield* sleep(0);
        return run(() => gatherCycle(log));
      },
      { clock: new VirtualClock() },
    );
    expect(result).toBe('child cancelled: true');
    expect(log).toEqual(EXPECTED);
  });

  it("a task in a nested run() honours a Future subclass's addDoneCallback", () => {
    apply();
    const log: string[] = [];
    class LoggingFuture<T> extends Future<T> {
      override addDoneCallback(callback: DoneCallback<T>): void {
        log.push('addDoneCallback');
        super.addDoneCallback(callback);
      }
    }
    const value = run(
      function* () {
        yield* sleep(0);
        return run(function* () {
          const future = new LoggingFuture<string>({ loop: getRunningLoop() });
          getRunningLoop().callLater(1, () => future.setResult('value'));
          return yield* future;
        });
      },
      { clock: new VirtualClock() },
    );
    expect([value, log]).toEqual(['value', ['addDoneCallback']]);
  });

  it('debug mode reports a sleep never awaited inside a nested run()', async () => {
    apply();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      run(
        function* () {
          yield* sleep(0);
          run(function* () {
            sleep(0.1); // forgot yield*
            yield* sleep(0.2);
          });
        },
        { clock: new VirtualClock(), debug: true },
      );
      const warnings = (): string[] =>
        warn.mock.calls
          .map((call) => String(call[0]))
          .filter((line) => line.startsWith('RuntimeWarning'));
      for (let i = 0; i < 50 && warnings().length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        collectGarbage();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      expect(warnings().map((line) => line.split('\n')[0])).toEqual([
        "RuntimeWarning: coroutine 'sleep' was never awaited",
      ]);
    } finally {
      warn.mockRestore();
    }
  });
});
