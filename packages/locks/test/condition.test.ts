import { CancelledError, RuntimeError } from '@asyncio-ts/core-loop';
import { Condition, Lock } from '@asyncio-ts/locks';
import { describe, expect, it } from 'vitest';
import { caught, runVirtual, spawn, ticks } from './support.js';

describe('Condition', () => {
  it('wakes waiters with notify(n) in FIFO order, each after it has the lock again', () => {
    const result = runVirtual(function* () {
      const cond = new Condition();
      const result: number[] = [];
      const waiter = function* (n: number) {
        yield* cond.acquire();
        if (yield* cond.wait()) {
          result.push(n);
          cond.release();
        }
        return true;
      };
      const tasks = [1, 2, 3].map((n) => spawn(waiter(n)));
      yield* ticks();
      expect(result).toEqual([]);
      yield* cond.acquire();
      cond.notify(1);
      cond.release();
      yield* ticks();
      expect(result).toEqual([1]);
      yield* cond.acquire();
      cond.notify(1);
      cond.notify(2048);
      cond.release();
      yield* ticks();
      for (const t of tasks) expect(yield* t).toBe(true);
      return result;
    });
    expect(result).toEqual([1, 2, 3]);
  });

  it('wakes every waiter with notifyAll()', () => {
    const result = runVirtual(function* () {
      const cond = new Condition();
      const result: number[] = [];
      const waiter = function* (n: number) {
        yield* cond.acquire();
        yield* cond.wait();
        result.push(n);
        cond.release();
      };
      const tasks = [1, 2].map((n) => spawn(waiter(n)));
      yield* ticks();
      yield* cond.acquire();
      cond.notifyAll();
      expect(String(cond)).toBe('<Condition [locked, waiters:2]>');
      cond.release();
      for (const t of tasks) yield* t;
      return result;
    });
    expect(result).toEqual([1, 2]);
  });

  it('refuses wait, notify and notifyAll without the lock', () => {
    runVirtual(function* () {
      const cond = new Condition();
      const error = yield* caught(cond.wait());
      expect(error).toBeInstanceOf(RuntimeError);
      expect((error as Error).message).toBe('cannot wait on un-acquired lock');
      expect(() => cond.notify()).toThrow('cannot notify on un-acquired lock');
      expect(() => cond.notifyAll()).toThrow('cannot notify on un-acquired lock');
      expect(() => cond.release()).toThrow('Lock is not acquired.');
    });
  });

  it('waitFor returns a truthy predicate value at once, even without the lock', () => {
    runVirtual(function* () {
      const cond = new Condition();
      expect(yield* cond.waitFor(() => [1, 2, 3])).toEqual([1, 2, 3]);
      const error = yield* caught(cond.waitFor(() => false));
      expect((error as Error).message).toBe('cannot wait on un-acquired lock');
    });
  });

  it('waitFor checks the predicate after every wake-up', () => {
    const seen = runVirtual(function* () {
      const cond = new Condition();
      let value = 0;
      const seen: number[] = [];
      const task = spawn(
        (function* () {
          yield* cond.acquire();
          const v = yield* cond.waitFor(() => {
            seen.push(value);
            return value === 2 ? 'two' : 0;
          });
          cond.release();
          return v;
        })(),
      );
      yield* ticks();
      for (let i = 1; i <= 2; i++) {
        yield* cond.acquire();
        value = i;
        cond.notify();
        cond.release();
        yield* ticks();
      }
      expect(yield* task).toBe('two');
      return seen;
    });
    expect(seen).toEqual([0, 1, 2]);
  });

  it('rejects a predicate that is not a function, at the call', () => {
    const cond = new Condition();
    expect(() => cond.waitFor(42 as unknown as () => boolean)).toThrow(
      'Condition.waitFor(predicate): predicate must be a function, got 42',
    );
  });

  it('re-acquires the lock when cancelled while waiting, then re-throws', () => {
    runVirtual(function* () {
      const cond = new Condition();
      const task = spawn(
        (function* () {
          yield* cond.acquire();
          try {
            yield* cond.wait();
          } finally {
            expect(cond.locked()).toBe(true);
            cond.release();
          }
        })(),
      );
      yield* ticks();
      yield* cond.acquire(); // free while the task waits
      task.cancel();
      yield* ticks(3);
      expect(task.done()).toBe(false); // it waits for the lock the test still holds
      cond.release();
      expect(yield* caught(task)).toBeInstanceOf(CancelledError);
      expect(cond.locked()).toBe(false);
    });
  });

  it('a waiter notified and cancelled while the lock is contested ends holding the lock', () => {
    runVirtual(function* () {
      const cond = new Condition();
      yield* cond.acquire();
      const waitTask = spawn(cond.wait());
      yield* ticks();
      expect(cond.locked()).toBe(false);
      yield* cond.acquire();
      cond.notify();
      const loop = waitTask.getLoop();
      loop.callSoon(() => waitTask.cancel());
      loop.callSoon(() => cond.release());
      try {
        yield* waitTask;
      } catch (error) {
        expect(error).toBeInstanceOf(CancelledError);
      }
      expect(cond.locked()).toBe(true);
    });
  });

  it('a waiter cancelled after notify, while it waits for the lock, ends cancelled', () => {
    runVirtual(function* () {
      const cond = new Condition();
      let waited = false;
      const waiter = spawn(
        (function* () {
          yield* cond.acquire();
          try {
            waited = true;
            yield* cond.wait();
          } finally {
            cond.release();
          }
        })(),
      );
      yield* ticks();
      yield* cond.acquire();
      cond.notify();
      yield* ticks();
      waiter.cancel();
      yield* ticks();
      cond.release();
      yield* ticks();
      expect(waiter.cancelled()).toBe(true);
      expect(waited).toBe(true);
    });
  });

  it('shares an explicit lock, and rejects anything else as the lock', () => {
    runVirtual(function* () {
      const lock = new Lock();
      const cond = new Condition(lock);
      yield* lock.acquire();
      expect(cond.locked()).toBe(true);
      cond.release();
      expect(lock.locked()).toBe(false);
    });
    expect(() => new Condition({} as Lock)).toThrow('Condition(lock): lock must be a Lock, got {}');
  });
});
