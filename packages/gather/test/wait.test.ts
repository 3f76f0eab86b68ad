import {
  type Coroutine,
  EventLoop,
  type Future,
  RuntimeError,
  type Task,
} from '@asyncio-ts/core-loop';
import {
  ALL_COMPLETED,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  type ReturnWhen,
  wait,
} from '@asyncio-ts/gather';
import { VirtualClock } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';
import { loop, runVirtual, sleep } from './support.js';

function* fail(delay: number, message: string): Coroutine<never> {
  yield* sleep(delay);
  throw new Error(message);
}

describe('wait', () => {
  it('waits for all by default and returns [done, pending]', () => {
    runVirtual(function* () {
      const a = loop().createTask(sleep(0.1, 'a'));
      const b = loop().createTask(sleep(0.15, 'b'));
      const [done, pending] = yield* wait([b, a]);
      expect(done).toEqual(new Set([a, b]));
      expect(pending.size).toBe(0);
      expect(loop().time()).toBeCloseTo(0.15);
      expect(ALL_COMPLETED).toBe('ALL_COMPLETED');
    });
  });

  it('counts a task passed twice once (CPython test_wait_duplicate_coroutines)', () => {
    runVirtual(function* () {
      const c = loop().createTask(sleep(0, 'test'));
      const [done, pending] = yield* wait([c, c, loop().createTask(sleep(0, 'spam'))]);
      expect(pending.size).toBe(0);
      expect(new Set([...done].map((f) => f.result()))).toEqual(new Set(['test', 'spam']));
    });
  });

  it('FIRST_COMPLETED returns as soon as one is done', () => {
    runVirtual(function* () {
      const a = loop().createTask(sleep(10));
      const b = loop().createTask(sleep(0.1));
      const [done, pending] = yield* wait([b, a], { returnWhen: FIRST_COMPLETED });
      expect(done).toEqual(new Set([b]));
      expect(pending).toEqual(new Set([a]));
      expect(loop().time()).toBeCloseTo(0.1);
      a.cancel();
    });
  });

  it('reports every future that is really done (CPython test_wait_really_done)', () => {
    runVirtual(function* () {
      const a = loop().createTask(sleep(0));
      const b = loop().createTask(
        (function* () {
          yield* sleep(0);
          yield* sleep(0);
        })(),
      );
      const [done] = yield* wait([b, a], { returnWhen: FIRST_COMPLETED });
      expect(done).toEqual(new Set([a, b]));
    });
  });

  it('FIRST_EXCEPTION returns at once if a future has already failed', () => {
    runVirtual(function* () {
      const a = loop().createTask(sleep(10));
      const b = loop().createTask(fail(0, 'err'));
      const [done, pending] = yield* wait([b, a], { returnWhen: FIRST_EXCEPTION });
      expect(done).toEqual(new Set([b]));
      expect(pending).toEqual(new Set([a]));
      expect(loop().time()).toBe(0);
      a.cancel();
    });
  });

  it('FIRST_EXCEPTION returns when a future fails while waiting', () => {
    runVirtual(function* () {
      const a = loop().createTask(sleep(10));
      const b = loop().createTask(fail(0.01, 'err'));
      const [done, pending] = yield* wait([b, a], { returnWhen: FIRST_EXCEPTION });
      expect(done).toEqual(new Set([b]));
      expect(pending).toEqual(new Set([a]));
      expect(loop().time()).toBeCloseTo(0.01);
      a.cancel();
    });
  });

  it('FIRST_EXCEPTION waits for all when nothing fails, and ignores cancellations', () => {
    runVirtual(function* () {
      const a = loop().createTask(sleep(1));
      const b = loop().createTask(sleep(2));
      loop().callLater(0.5, () => a.cancel());
      const [done, pending] = yield* wait([a, b], { returnWhen: FIRST_EXCEPTION });
      expect(done).toEqual(new Set([a, b]));
      expect(pending.size).toBe(0);
      expect(loop().time()).toBe(2);
    });
  });

  it('a timeout returns what is done so far, cancelling nothing and throwing nothing', () => {
    runVirtual(function* () {
      const a = loop().createTask(sleep(0.1));
      const b = loop().createTask(sleep(0.15));
      const [done, pending] = yield* wait([b, a], { timeout: 0.11 });
      expect(done).toEqual(new Set([a]));
      expect(pending).toEqual(new Set([b]));
      expect(loop().time()).toBeCloseTo(0.11);
      expect(b.cancelled()).toBe(false);
      yield* b;
    });
  });

  it('returns when all are done at the same time as the timeout (CPython test_wait_concurrent_complete)', () => {
    runVirtual(function* () {
      const a = loop().createTask(sleep(0.1));
      const b = loop().createTask(sleep(0.15));
      yield* sleep(0); // as in CPython's test, the tasks start their sleeps before wait() does
      const [done, pending] = yield* wait([b, a], { timeout: 0.1 });
      expect(done).toEqual(new Set([a]));
      expect(pending).toEqual(new Set([b]));
      yield* b;
    });
  });

  it('accepts any iterable of tasks (CPython test_wait_with_iterator_of_tasks)', () => {
    runVirtual(function* () {
      const tasks = new Set<Task<string>>([
        loop().createTask(sleep(0.1, 'a')),
        loop().createTask(sleep(0.2, 'b')),
      ]);
      const [done] = yield* wait(tasks.values());
      expect(new Set([...done].map((t) => t.result()))).toEqual(new Set(['a', 'b']));
    });
  });

  it('removes its callbacks and leaves the futures running when the waiting task is cancelled', () => {
    runVirtual(function* () {
      const a = loop().createFuture<number>();
      const waiter = loop().createTask(wait([a]));
      yield* sleep(0.1);
      waiter.cancel();
      yield* sleep(0);
      expect(waiter.cancelled()).toBe(true);
      expect(a.done()).toBe(false);
      expect(a.removeDoneCallback(() => undefined)).toBe(0);
    });
  });

  it('refuses bad arguments as asyncio does', () => {
    runVirtual(function* () {
      const fut = loop().createFuture<number>();
      const errorOf = function* (fs: unknown, options?: object): Coroutine<unknown> {
        try {
          yield* wait(fs as Iterable<Future<unknown>>, options);
        } catch (error) {
          return error;
        }
        return null;
      };
      expect(yield* errorOf(fut)).toEqual(new TypeError('expect a list of futures, not Future'));
      expect(yield* errorOf(sleep(1))).toEqual(
        new TypeError('expect a list of futures, not coroutine'),
      );
      expect(yield* errorOf(new Set())).toEqual(new RangeError('Set of Tasks/Futures is empty.'));
      expect(yield* errorOf([fut], { returnWhen: -1 as unknown as ReturnWhen })).toEqual(
        new RangeError(
          "Invalid returnWhen value: -1 (expected 'FIRST_COMPLETED', 'FIRST_EXCEPTION' or 'ALL_COMPLETED')",
        ),
      );
      expect(yield* errorOf([sleep(1)])).toEqual(
        new TypeError('Passing coroutines is forbidden, use tasks explicitly.'),
      );
      expect(yield* errorOf([fut, 3])).toEqual(
        new TypeError('wait(): every element of fs must be a Future or a Task, element 1 is 3'),
      );
      expect(yield* errorOf([fut], { timeout: 'soon' })).toEqual(
        new TypeError("wait() timeout must be a number of seconds or null, got 'soon'"),
      );
      const other = new EventLoop({ clock: new VirtualClock() });
      const error = yield* errorOf([other.createFuture()]);
      expect(error).toBeInstanceOf(RuntimeError);
      expect((error as Error).message).toMatch(
        /^wait\(\): element 0 <Future pending> belongs to a different event loop/,
      );
      other.close();
      fut.cancel();
    });
  });
});
