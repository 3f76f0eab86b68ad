import {
  CancelledError,
  type Coroutine,
  getRunningLoop,
  TimeoutError,
} from '@asyncio-ts/core-loop';
import { scheduledTimers } from '@asyncio-ts/core-loop/internal';
import { sleep, waitFor } from '@asyncio-ts/timers';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { caught, runTraced, spawn, type Trace } from './trace.js';

/** Ignores every cancellation and keeps sleeping until `until` on the loop clock. */
function* stubborn(trace: Trace, until: number): Coroutine<string> {
  const loop = getRunningLoop();
  for (;;) {
    const left = until - loop.time();
    if (left <= 0) break;
    try {
      yield* sleep(left);
    } catch (error) {
      if (!(error instanceof CancelledError)) throw error;
      trace.log('stubborn ignores a cancellation');
    }
  }
  trace.log('stubborn exits');
  return 'stubborn done';
}

/** Sleeps `seconds`; logs how it ended. */
function* worker(trace: Trace, seconds: number, result = 'done'): Coroutine<string> {
  trace.log('worker starts');
  try {
    yield* sleep(seconds);
  } catch (error) {
    trace.log(`worker got ${(error as Error).name}`);
    throw error;
  } finally {
    trace.log('worker cleans up');
  }
  return result;
}

describe('waitFor', () => {
  it('returns the result when the awaitable finishes in time, typed, leaving no timer', () => {
    const { lines } = runTraced(function* (trace) {
      const value = yield* waitFor(worker(trace, 1, 'in time'), 5);
      expectTypeOf(value).toEqualTypeOf<string>();
      const live = scheduledTimers(getRunningLoop()).filter((t) => !t.cancelled()).length;
      trace.log(`${value}, live timers: ${live}`);
    });
    expect(lines).toEqual([
      't=0 worker starts',
      't=1 worker cleans up',
      't=1 in time, live timers: 0',
    ]);
  });

  it('on timeout cancels the inner, waits for it, then throws TimeoutError caused by the CancelledError', () => {
    const { lines } = runTraced(function* (trace) {
      const inner = spawn(worker(trace, 3600));
      const error = yield* caught(waitFor(inner, 0.5));
      trace.log(`${(error as Error).name}, cause ${((error as Error).cause as Error).name}`);
      trace.log(`inner cancelled: ${inner.cancelled()}`);
    });
    expect(lines).toEqual([
      't=0 worker starts',
      't=0.5 worker got CancelledError',
      't=0.5 worker cleans up',
      't=0.5 TimeoutError, cause CancelledError',
      't=0.5 inner cancelled: true',
    ]);
  });

  it('waits until a slow inner has really finished before throwing', () => {
    const { lines } = runTraced(function* (trace) {
      const inner = spawn(
        (function* () {
          try {
            yield* sleep(10);
          } catch (error) {
            trace.log('inner tidies up for 0.25 s');
            yield* sleep(0.25);
            throw error;
          } finally {
            trace.log('inner done');
          }
        })(),
      );
      const error = yield* caught(waitFor(inner, 1));
      trace.log(`${(error as Error).name}, inner done=${inner.done()}`);
    });
    expect(lines).toEqual([
      't=1 inner tidies up for 0.25 s',
      't=1.25 inner done',
      't=1.25 TimeoutError, inner done=true',
    ]);
  });

  it('a stubborn inner that swallows the cancellation wins: its result is returned (3.11)', () => {
    const { result } = runTraced(function* (trace) {
      const value = yield* waitFor(stubborn(trace, 2), 1);
      return [value, getRunningLoop().time()];
    });
    expect(result).toEqual(['stubborn done', 2]);
  });

  it('an inner that fails while being cancelled throws its own error, not TimeoutError', () => {
    class FooError extends Error {
      override name = 'FooError';
    }
    const { result } = runTraced(function* () {
      const inner = spawn(
        (function* () {
          try {
            yield* sleep(0.2);
          } finally {
            // biome-ignore lint/correctness/noUnsafeFinally: the point of the test
            throw new FooError('while cancelling');
          }
        })(),
      );
      const error = yield* caught(waitFor(inner, 0.0001));
      return [(error as Error).name, (error as Error).message];
    });
    expect(result).toEqual(['FooError', 'while cancelling']);
  });

  it('passes an error of the inner through unchanged', () => {
    const { result } = runTraced(function* () {
      const boom = new RangeError('boom');
      const error = yield* caught(
        waitFor(
          (function* () {
            yield* sleep(1);
            throw boom;
          })(),
          5,
        ),
      );
      return [error === boom, getRunningLoop().time()];
    });
    expect(result).toEqual([true, 1]);
  });

  it('resolves a future settled before the deadline by a timer', () => {
    const { result } = runTraced(function* () {
      const loop = getRunningLoop();
      const future = loop.createFuture<string>();
      loop.callLater(0.1, () => future.setResult('ok'));
      return [yield* waitFor(future, 0.2), loop.time()];
    });
    expect(result).toEqual(['ok', 0.1]);
  });

  describe('with a null timeout', () => {
    it('simply waits, however long it takes, with no timer', () => {
      const { result } = runTraced(function* () {
        const loop = getRunningLoop();
        const inner = spawn(sleep(1e5, 'late'));
        yield* sleep(0);
        const timers = scheduledTimers(loop).length;
        return [yield* waitFor(inner, null), timers, loop.time()];
      });
      expect(result).toEqual(['late', 1, 1e5]);
    });
  });

  describe.each([0, -1])('with timeout %d', (timeout) => {
    it('returns the result of a future that is already done', () => {
      const { result } = runTraced(function* () {
        const future = getRunningLoop().createFuture<string>();
        future.setResult('done');
        return yield* waitFor(future, timeout);
      });
      expect(result).toBe('done');
    });

    it('never starts a coroutine, and throws TimeoutError', () => {
      const { result } = runTraced(function* () {
        let started = false;
        const error = yield* caught(
          waitFor(
            (function* () {
              started = true;
              yield* sleep(1);
            })(),
            timeout,
          ),
        );
        return [(error as Error).name, started, ((error as Error).cause as Error).name];
      });
      expect(result).toEqual(['TimeoutError', false, 'CancelledError']);
    });

    it('cancels a running task and waits for it before throwing', () => {
      const { lines } = runTraced(function* (trace) {
        const inner = spawn(
          (function* () {
            try {
              yield* sleep(10);
            } catch (error) {
              yield* sleep(0.5);
              throw error;
            } finally {
              trace.log('inner finished');
            }
          })(),
        );
        yield* sleep(0.25);
        const error = yield* caught(waitFor(inner, timeout));
        trace.log(`${(error as Error).name}, inner cancelled=${inner.cancelled()}`);
      });
      expect(lines).toEqual(['t=0.75 inner finished', 't=0.75 TimeoutError, inner cancelled=true']);
    });
  });

  describe('when the waiting task is cancelled', () => {
    it.each([null, 60])('cancels the inner task too (timeout %s)', (timeout) => {
      const { result } = runTraced(function* () {
        const loop = getRunningLoop();
        const never = loop.createFuture<void>();
        const inner = spawn(
          (function* () {
            yield* never;
          })(),
        );
        const waiting = spawn(waitFor(inner, timeout));
        loop.callSoon(() => waiting.cancel());
        const error = yield* caught(waiting);
        return [(error as Error).name, inner.cancelled(), waiting.cancelled()];
      });
      expect(result).toEqual(['CancelledError', true, true]);
    });

    it('waits for an inner that ignores the cancellation before ending cancelled', () => {
      const { lines } = runTraced(function* (trace) {
        const waiting = spawn(waitFor(stubborn(trace, 0.2), 0.4));
        yield* sleep(0);
        waiting.cancel();
        const error = yield* caught(waiting);
        trace.log(`waitFor ended with ${(error as Error).name}`);
      });
      expect(lines).toEqual([
        't=0 stubborn ignores a cancellation',
        't=0.2 stubborn exits',
        't=0.2 waitFor ended with CancelledError',
      ]);
    });

    it('stays cancellable while it waits for a stubborn inner after its timeout', () => {
      const { lines } = runTraced(function* (trace) {
        const inner = spawn(
          (function* () {
            try {
              yield* sleep(0.3);
            } catch {
              try {
                yield* sleep(0.3);
              } catch {
                yield* sleep(0.3);
              }
            }
            trace.log('inner returns 42');
            return 42;
          })(),
        );
        const waiting = spawn(waitFor(inner, 0.1));
        yield* sleep(0.2);
        waiting.cancel();
        const error = yield* caught(waiting);
        trace.log(`waitFor: ${(error as Error).name}`);
        trace.log(`inner: ${yield* inner}`);
      });
      expect(lines).toEqual([
        't=0.2 waitFor: CancelledError',
        't=0.4 inner returns 42',
        't=0.4 inner: 42',
      ]);
    });
  });

  it('TimeoutError is the one asyncio-ts exports', () => {
    const { result } = runTraced(function* () {
      return yield* caught(waitFor(sleep(2), 1));
    });
    expect(result).toBeInstanceOf(TimeoutError);
  });

  it('rejects bad arguments with a TypeError naming them', () => {
    expect(() => waitFor(sleep(1), '1' as unknown as number)).toThrow(
      new TypeError("waitFor() timeout must be a number of seconds or null, got '1'"),
    );
    expect(() => waitFor(sleep(1), Number.NaN)).toThrow(
      new TypeError('waitFor() timeout must be a number of seconds or null, got NaN'),
    );
    expect(() => waitFor(42 as never, 1)).toThrow(
      new TypeError('waitFor() expects a Future, a Task or a coroutine, got 42'),
    );
  });
});
