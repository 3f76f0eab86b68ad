import {
  CancelledError,
  type Coroutine,
  currentTask,
  getRunningLoop,
  RuntimeError,
} from '@asyncio-ts/core-loop';
import { sleep, Timeout, timeout, timeoutAt, type VirtualClock } from '@asyncio-ts/timers';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { caught, runTraced, spawn } from './trace.js';

function* sleepLogged(trace: { log(m: string): void }, seconds: number): Coroutine<void> {
  try {
    yield* sleep(seconds);
  } catch (error) {
    trace.log(`body saw ${(error as Error).name}`);
    throw error;
  }
}

describe('timeout', () => {
  it('cancels the body at the deadline and throws TimeoutError to the caller', () => {
    const { lines } = runTraced(function* (trace) {
      let scope: Timeout | undefined;
      const error = yield* caught(
        timeout(1, function* (cm) {
          scope = cm;
          yield* sleepLogged(trace, 10);
        }),
      );
      trace.log(`caller got ${(error as Error).name}, expired=${scope?.expired()}`);
      trace.log(`cause is CancelledError: ${(error as Error).cause instanceof CancelledError}`);
      trace.log(`task cancelling()=${currentTask()?.cancelling()}`);
    });
    expect(lines).toEqual([
      't=1 body saw CancelledError',
      't=1 caller got TimeoutError, expired=true',
      't=1 cause is CancelledError: true',
      't=1 task cancelling()=0',
    ]);
  });

  it('returns what the body returns when it ends in time, typed', () => {
    const { result } = runTraced(function* () {
      let scope: Timeout | undefined;
      const value = yield* timeout(10, function* (cm) {
        scope = cm;
        yield* sleep(2);
        return 42;
      });
      expectTypeOf(value).toEqualTypeOf<number>();
      return {
        value,
        expired: scope?.expired(),
        when: scope?.when(),
        now: getRunningLoop().time(),
      };
    });
    expect(result).toEqual({ value: 42, expired: false, when: 10, now: 2 });
  });

  it('timeoutAt expires at an absolute time of the loop clock', () => {
    const { result } = runTraced(
      function* () {
        let scope: Timeout | undefined;
        const error = yield* caught(
          timeoutAt(105, function* (cm) {
            scope = cm;
            yield* sleep(10);
          }),
        );
        return [(error as Error).name, scope?.when(), scope?.expired(), getRunningLoop().time()];
      },
      { start: 100 },
    );
    expect(result).toEqual(['TimeoutError', 105, true, 105]);
  });

  it('measures the delay from when the body starts', () => {
    const { result } = runTraced(function* () {
      yield* sleep(3);
      return yield* timeout(2, function* (cm) {
        return cm.when();
      });
    });
    expect(result).toBe(5);
  });

  it('never expires with a null delay or deadline', () => {
    const { result } = runTraced(function* () {
      const a = yield* timeout(null, function* (cm) {
        yield* sleep(1e6);
        return [cm.when(), cm.expired(), String(cm)];
      });
      const b = yield* timeoutAt(null, function* (cm) {
        yield* sleep(1);
        return [cm.when(), cm.expired()];
      });
      return [a, b, getRunningLoop().time()];
    });
    expect(result).toEqual([[null, false, '<Timeout [active] when=None>'], [null, false], 1000001]);
  });

  it.each([0, -11])('timeout(%d) expires at the first suspension, even a sleep(0)', (delay) => {
    const { lines } = runTraced(function* (trace) {
      for (const seconds of [10, 0]) {
        let scope: Timeout | undefined;
        const error = yield* caught(
          timeout(delay, function* (cm) {
            scope = cm;
            trace.log('body runs up to its first suspension');
            yield* sleep(seconds);
            trace.log('never printed');
          }),
        );
        trace.log(`${(error as Error).name}, expired=${scope?.expired()}, when=${scope?.when()}`);
      }
    });
    expect(lines).toEqual([
      't=0 body runs up to its first suspension',
      `t=0 TimeoutError, expired=true, when=${delay}`,
      't=0 body runs up to its first suspension',
      `t=0 TimeoutError, expired=true, when=${delay}`,
    ]);
  });

  it('timeout(0) around a body that never suspends does not expire', () => {
    const { result } = runTraced(function* () {
      let scope: Timeout | undefined;
      const value = yield* timeout(0, function* (cm) {
        scope = cm;
        return 'no suspension';
      });
      yield* sleep(1);
      return [value, scope?.expired(), String(scope)];
    });
    expect(result).toEqual(['no suspension', false, '<Timeout [finished]>']);
  });

  it('lets an error of the body through untouched', () => {
    const { result } = runTraced(function* () {
      let scope: Timeout | undefined;
      const boom = new Error('boom');
      const error = yield* caught(
        timeout(1, function* (cm) {
          scope = cm;
          throw boom;
        }),
      );
      return [error === boom, scope?.expired()];
    });
    expect(result).toEqual([true, false]);
  });

  it('an error thrown while the body is being cancelled replaces the TimeoutError', () => {
    const { result } = runTraced(function* () {
      const error = yield* caught(
        timeout(0.5, function* () {
          try {
            yield* sleep(1);
          } finally {
            // biome-ignore lint/correctness/noUnsafeFinally: the point of the test
            throw new RangeError('cleanup failed');
          }
        }),
      );
      return [(error as Error).name, (error as Error).message];
    });
    expect(result).toEqual(['RangeError', 'cleanup failed']);
  });

  it('a cancellation from elsewhere stays a CancelledError when the scope has not expired', () => {
    const { lines } = runTraced(function* (trace) {
      let scope: Timeout | undefined;
      const worker = spawn(
        timeout(10, function* (cm) {
          scope = cm;
          yield* sleepLogged(trace, 100);
        }),
      );
      yield* sleep(1);
      worker.cancel();
      const error = yield* caught(worker);
      trace.log(
        `${(error as Error).name}, expired=${scope?.expired()}, task cancelled=${worker.cancelled()}`,
      );
    });
    expect(lines).toEqual([
      't=1 body saw CancelledError',
      't=1 CancelledError, expired=false, task cancelled=true',
    ]);
  });

  it('a cancellation from elsewhere at the very moment of expiry stays a CancelledError', () => {
    const { result } = runTraced(function* () {
      const loop = getRunningLoop();
      let scope: Timeout | undefined;
      const worker = spawn(
        timeout(1, function* (cm) {
          scope = cm;
          yield* sleep(100);
        }),
      );
      yield* sleep(0);
      // Scheduled after the scope's own timer: both cancel the task in the same iteration.
      loop.callAt(1, () => worker.cancel());
      const error = yield* caught(worker);
      return [(error as Error).name, scope?.expired(), worker.cancelled(), loop.time()];
    });
    expect(result).toEqual(['CancelledError', true, true, 1]);
  });

  it('a task that catches its TimeoutError ends normally, not cancelled', () => {
    const { result } = runTraced(function* () {
      const worker = spawn(
        (function* () {
          const error = yield* caught(timeout(0.001, () => sleep(10)));
          return (error as Error).name;
        })(),
      );
      const value = yield* worker;
      return [value, worker.cancelled(), worker.cancelling()];
    });
    expect(result).toEqual(['TimeoutError', false, 0]);
  });

  describe('nested scopes', () => {
    it('with the same deadline, only the outer scope throws TimeoutError', () => {
      const { lines } = runTraced(function* (trace) {
        let outer: Timeout | undefined;
        let inner: Timeout | undefined;
        const error = yield* caught(
          timeoutAt(1, function* (cm1) {
            outer = cm1;
            const innerError = yield* caught(
              timeoutAt(1, function* (cm2) {
                inner = cm2;
                yield* sleep(10);
              }),
            );
            trace.log(`inner scope threw ${(innerError as Error).name}`);
            throw innerError;
          }),
        );
        trace.log(`outer scope threw ${(error as Error).name}`);
        trace.log(`expired: outer=${outer?.expired()} inner=${inner?.expired()}`);
      });
      expect(lines).toEqual([
        't=1 inner scope threw CancelledError',
        't=1 outer scope threw TimeoutError',
        't=1 expired: outer=true inner=true',
      ]);
    });

    it('an outer deadline that comes first is the outer scope’s TimeoutError', () => {
      const { lines } = runTraced(function* (trace) {
        let inner: Timeout | undefined;
        const error = yield* caught(
          timeout(1, function* () {
            try {
              yield* timeout(5, function* (cm2) {
                inner = cm2;
                yield* sleep(10);
              });
            } catch (innerError) {
              trace.log(
                `inside outer: ${(innerError as Error).name}, inner expired=${inner?.expired()}`,
              );
              throw innerError;
            }
          }),
        );
        trace.log(`caller: ${(error as Error).name}`);
      });
      expect(lines).toEqual([
        't=1 inside outer: CancelledError, inner expired=false',
        't=1 caller: TimeoutError',
      ]);
    });

    it('an inner expiry is the inner scope’s; the outer one still guards what follows', () => {
      const { lines } = runTraced(function* (trace) {
        const error = yield* caught(
          timeout(5, function* () {
            const innerError = yield* caught(timeout(1, () => sleep(10)));
            trace.log(`inner: ${(innerError as Error).name}`);
            yield* sleep(10);
            trace.log('never printed');
          }),
        );
        trace.log(`outer: ${(error as Error).name}`);
      });
      expect(lines).toEqual(['t=1 inner: TimeoutError', 't=5 outer: TimeoutError']);
    });

    it('both overdue after a busy stretch: the inner sees a plain CancelledError (as 3.11)', () => {
      // Both deadlines pass while the task holds the loop; both scopes cancel the task in
      // one iteration, so cancelling() is 2 at the inner exit and the inner cannot claim it.
      const { lines } = runTraced(function* (trace) {
        const clock = getRunningLoop().getClock() as VirtualClock;
        let outer: Timeout | undefined;
        const value = yield* timeout(0.1, function* (cm) {
          outer = cm;
          const innerError = yield* caught(
            timeout(0.01, function* () {
              clock.jump(0.1); // the loop is busy for 0.1 s
              yield* sleep(1);
            }),
          );
          trace.log(
            `inner: ${(innerError as Error).name}, cancelling=${currentTask()?.cancelling()}`,
          );
          yield* sleep(10);
          return 'outer body finished';
        });
        trace.log(`${value}, outer expired=${outer?.expired()}`);
      });
      expect(lines).toEqual([
        't=0.1 inner: CancelledError, cancelling=1',
        't=10.1 outer body finished, outer expired=true',
      ]);
    });

    it('a scope inside the finally of an expired scope works on its own', () => {
      const { lines } = runTraced(function* (trace) {
        const error = yield* caught(
          timeout(1, function* () {
            try {
              yield* sleep(10);
            } finally {
              const cleanupError = yield* caught(timeout(1, () => sleep(10)));
              trace.log(`cleanup: ${(cleanupError as Error).name}`);
            }
          }),
        );
        trace.log(`outer: ${(error as Error).name}`);
      });
      expect(lines).toEqual(['t=2 cleanup: TimeoutError', 't=2 outer: TimeoutError']);
    });
  });

  describe('after the task was already cancelled once', () => {
    it('an expiry is still a TimeoutError', () => {
      const { result } = runTraced(function* () {
        const task = currentTask();
        try {
          task?.cancel();
          yield* sleep(1);
        } catch (error) {
          if (!(error instanceof CancelledError)) throw error;
        }
        const error = yield* caught(timeout(0, () => sleep(1)));
        return [(error as Error).name, task?.cancelling()];
      });
      expect(result).toEqual(['TimeoutError', 1]);
    });

    it('a new cancellation inside the scope is a CancelledError', () => {
      const { result } = runTraced(function* () {
        const task = currentTask();
        try {
          task?.cancel();
          yield* sleep(1);
        } catch (error) {
          if (!(error instanceof CancelledError)) throw error;
        }
        const error = yield* caught(
          timeout(1, function* () {
            currentTask()?.cancel();
            yield* sleep(2);
          }),
        );
        return (error as Error).name;
      });
      expect(result).toBe('CancelledError');
    });
  });

  describe('reschedule', () => {
    it('moves the deadline later, to null and back, from another task', () => {
      const { lines } = runTraced(function* (trace) {
        const loop = getRunningLoop();
        const entered = loop.createFuture<Timeout>();
        const worker = spawn(
          timeoutAt(10, function* (cm) {
            entered.setResult(cm);
            yield* sleep(50);
            return 'slept 50';
          }),
        );
        const scope = yield* entered;
        trace.log(`when=${scope.when()}`);
        scope.reschedule(30);
        trace.log(`when=${scope.when()}`);
        scope.reschedule(null);
        trace.log(`when=${scope.when()}`);
        yield* sleep(20);
        scope.reschedule(60);
        trace.log(`${yield* worker}, expired=${scope.expired()}`);
      });
      expect(lines).toEqual([
        't=0 when=10',
        't=0 when=30',
        't=0 when=null',
        't=50 slept 50, expired=false',
      ]);
    });

    it('a deadline moved into the past expires the scope at the next iteration', () => {
      const { result } = runTraced(function* () {
        const error = yield* caught(
          timeout(10, function* (cm) {
            yield* sleep(2);
            cm.reschedule(getRunningLoop().time() - 1);
            yield* sleep(5);
          }),
        );
        return [(error as Error).name, getRunningLoop().time()];
      });
      expect(result).toEqual(['TimeoutError', 2]);
    });

    it('a cancelled task with a rescheduled scope ends cancelled, not expired', () => {
      const { result } = runTraced(function* () {
        const entered = getRunningLoop().createFuture<Timeout>();
        const worker = spawn(
          timeout(10, function* (cm) {
            entered.setResult(cm);
            yield* sleep(50);
          }),
        );
        const scope = yield* entered;
        scope.reschedule(20);
        worker.cancel();
        const error = yield* caught(worker);
        return [(error as Error).name, scope.expired()];
      });
      expect(result).toEqual(['CancelledError', false]);
    });

    it('refuses a scope that is not active, with asyncio’s messages', () => {
      const { result } = runTraced(function* () {
        const messages: string[] = [];
        const attempt = (scope: Timeout | undefined) => {
          try {
            scope?.reschedule(100);
          } catch (error) {
            messages.push(`${(error as Error).name}: ${(error as Error).message}`);
          }
        };
        attempt(new Timeout(1));
        let finished: Timeout | undefined;
        yield* timeout(1, function* (cm) {
          finished = cm;
        });
        attempt(finished);
        let expired: Timeout | undefined;
        yield* caught(
          timeout(1, function* (cm) {
            expired = cm;
            yield* sleep(2);
          }),
        );
        attempt(expired);
        yield* timeout(1, function* (cm) {
          try {
            yield* sleep(2);
          } catch {
            attempt(cm);
          }
        });
        return messages;
      });
      expect(result).toEqual([
        'RuntimeError: Timeout has not been entered',
        'RuntimeError: Cannot change state of finished Timeout',
        'RuntimeError: Cannot change state of expired Timeout',
        'RuntimeError: Cannot change state of expiring Timeout',
      ]);
    });

    it('rejects a deadline that is not a number or null', () => {
      const { result } = runTraced(function* () {
        return yield* timeout(1, function* (cm) {
          expect(() => cm.reschedule(Number.NaN)).toThrow(
            new TypeError('reschedule() deadline must be a number of seconds or null, got NaN'),
          );
          return cm.when();
        });
      });
      expect(result).toBe(1);
    });
  });

  it('shows its state as asyncio’s repr does', () => {
    const { result } = runTraced(function* () {
      const shown: string[] = [];
      let scope: Timeout | undefined;
      yield* timeout(10, function* (cm) {
        scope = cm;
        shown.push(String(cm));
        yield* sleep(0.5);
        cm.reschedule(1.23456);
        shown.push(String(cm));
      });
      shown.push(String(scope));
      yield* caught(
        timeout(0.01, function* (cm) {
          scope = cm;
          yield* sleep(1);
        }),
      );
      shown.push(String(scope));
      shown.push(String(new Timeout(3)));
      return shown;
    });
    expect(result).toEqual([
      '<Timeout [active] when=10.0>',
      '<Timeout [active] when=1.235>',
      '<Timeout [finished]>',
      '<Timeout [expired]>',
      '<Timeout [created]>',
    ]);
  });

  it('must be used inside a task', () => {
    const { result } = runTraced(function* () {
      const loop = getRunningLoop();
      const done = loop.createFuture<string>();
      loop.callSoon(() => {
        try {
          timeout(1, () => sleep(1)).next();
          done.setResult('no error');
        } catch (error) {
          done.setResult(`${(error as Error).name}: ${(error as Error).message}`);
        }
      });
      return yield* done;
    });
    expect(result).toBe('RuntimeError: Timeout should be used inside a task');
    expect(() => timeout(1, () => sleep(1)).next()).toThrow(
      new RuntimeError('no running event loop'),
    );
  });

  it('rejects bad arguments with a TypeError naming them', () => {
    const body = () => sleep(1);
    expect(() => timeout('1' as unknown as number, body)).toThrow(
      new TypeError("timeout() delay must be a number of seconds or null, got '1'"),
    );
    expect(() => timeout(Number.NaN, body)).toThrow(
      new TypeError('timeout() delay must be a number of seconds or null, got NaN'),
    );
    expect(() => timeoutAt(undefined as unknown as number, body)).toThrow(
      new TypeError('timeoutAt() when must be a number of seconds or null, got undefined'),
    );
    expect(() => timeout(1, sleep(1) as never)).toThrow(TypeError);
    expect(() => timeout(1, 'body' as never)).toThrow(
      new TypeError("timeout() body must be a function that makes a coroutine, got 'body'"),
    );
  });
});
