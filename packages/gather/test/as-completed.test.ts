import { type Coroutine, TimeoutError } from '@asyncio-ts/core-loop';
import { asCompleted, wait } from '@asyncio-ts/gather';
import { describe, expect, it } from 'vitest';
import { describeError, job, loop, runVirtual, sleep, Trace } from './support.js';

describe('asCompleted', () => {
  it('hands out results in completion order', () => {
    const trace = new Trace();
    runVirtual(function* () {
      for (const next of asCompleted([
        job(trace, 'a', 3, 'A'),
        job(trace, 'b', 1, 'B'),
        job(trace, 'c', 2, 'C'),
      ])) {
        trace.log(`got ${yield* next}`);
      }
    });
    expect(trace.lines).toEqual([
      't=0 a start',
      't=0 b start',
      't=0 c start',
      't=1 b done',
      't=1 got B',
      't=2 c done',
      't=2 got C',
      't=3 a done',
      't=3 got A',
    ]);
  });

  it('throws the exception of a failed awaitable at its turn', () => {
    runVirtual(function* () {
      const got: string[] = [];
      function* bad(): Coroutine<string> {
        yield* sleep(1);
        throw new RangeError('no');
      }
      for (const next of asCompleted([sleep(2, 'late'), bad()])) {
        try {
          got.push(yield* next);
        } catch (error) {
          got.push(describeError(error));
        }
      }
      expect(got).toEqual(["RangeError('no')", 'late']);
    });
  });

  it('throws TimeoutError for what is not done when the timeout passes (CPython test_as_completed_with_timeout)', () => {
    runVirtual(function* () {
      const a = loop().createTask(sleep(0.1, 'a'));
      const b = loop().createTask(sleep(0.15, 'b'));
      const values: string[] = [];
      for (const next of asCompleted([a, b], { timeout: 0.12 })) {
        try {
          values.push(yield* next);
        } catch (error) {
          expect(error).toBeInstanceOf(TimeoutError);
          values.push(`timeout at ${loop().time()}`);
        }
      }
      expect(values).toEqual(['a', 'timeout at 0.12']);
      // Nothing was cancelled.
      expect(yield* b).toBe('b');
    });
  });

  it('an unused timeout changes nothing', () => {
    runVirtual(function* () {
      for (const next of asCompleted([sleep(0.01, 'a')], { timeout: 1 })) {
        expect(yield* next).toBe('a');
      }
      expect(loop().time()).toBe(0.01);
    });
  });

  it('the k-th awaitable gives the k-th result, whichever is awaited first (CPython test_as_completed_reverse_wait)', () => {
    runVirtual(function* () {
      const nexts = [...asCompleted([sleep(0.05, 'a'), sleep(0.1, 'b')])];
      expect(nexts.length).toBe(2);
      expect(yield* nexts[1] as Coroutine<string>).toBe('a');
      expect(loop().time()).toBe(0.05);
      expect(yield* nexts[0] as Coroutine<string>).toBe('b');
      expect(loop().time()).toBe(0.1);
    });
  });

  it('its awaitables can be run as tasks concurrently (CPython test_as_completed_concurrent)', () => {
    runVirtual(function* () {
      const nexts = [...asCompleted([sleep(0.05, 'a'), sleep(0.05, 'b')])];
      const [done, pending] = yield* wait(nexts.map((next) => loop().createTask(next)));
      expect(pending.size).toBe(0);
      expect(new Set([...done].map((t) => t.result()))).toEqual(new Set(['a', 'b']));
    });
  });

  it('runs a coroutine passed twice once (CPython test_as_completed_duplicate_coroutines)', () => {
    runVirtual(function* () {
      const c = sleep(0, 'ham');
      const results: string[] = [];
      for (const next of asCompleted([c, c, sleep(0, 'spam')])) results.push(yield* next);
      expect(results.sort()).toEqual(['ham', 'spam']);
    });
  });

  it('starts nothing until it is iterated, and is not a coroutine', () => {
    const trace = new Trace();
    runVirtual(function* () {
      const iterator = asCompleted([job(trace, 'a', 1, 'A')]);
      expect(typeof (iterator as { throw?: unknown }).throw).toBe('undefined');
      yield* sleep(1);
      expect(trace.lines).toEqual([]);
      for (const next of iterator) yield* next;
    });
    expect(trace.lines).toEqual(['t=1 a start', 't=2 a done']);
  });

  it('refuses a single future or coroutine, and non-awaitable elements', () => {
    runVirtual(function* () {
      const fut = loop().createFuture<number>();
      expect(() => asCompleted(fut as never)).toThrow(
        new TypeError('expect an iterable of futures, not Future'),
      );
      expect(() => asCompleted(sleep(0) as never)).toThrow(
        new TypeError('expect an iterable of futures, not coroutine'),
      );
      expect(() => asCompleted(7 as never)).toThrow(
        new TypeError('expect an iterable of futures, got 7'),
      );
      expect(() => [...asCompleted([fut, 'x' as never])]).toThrow(
        new TypeError(
          "asCompleted(): element 1 must be an awaitable (a coroutine, a Future or a Task), got 'x'",
        ),
      );
      expect(() => asCompleted([fut], { timeout: Number.NaN })).toThrow(TypeError);
      yield* sleep(0);
    });
  });
});
