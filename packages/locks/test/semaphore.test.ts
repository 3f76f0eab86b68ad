import { CancelledError, RuntimeError, run } from '@asyncio-ts/core-loop';
import { BoundedSemaphore, Semaphore } from '@asyncio-ts/locks';
import { describe, expect, it } from 'vitest';
import { caught, runVirtual, sleep, spawn, ticks } from './support.js';

describe('Semaphore', () => {
  it('checks its initial value', () => {
    expect(new Semaphore(0).locked()).toBe(true);
    expect(new Semaphore().locked()).toBe(false);
    expect(() => new Semaphore(-1)).toThrow(RangeError);
    expect(() => new Semaphore(-1)).toThrow('Semaphore initial value must be >= 0');
    expect(() => new Semaphore('2' as unknown as number)).toThrow(
      "Semaphore value must be a number, got '2'",
    );
    expect(() => new Semaphore(1.5)).toThrow('Semaphore value must be an integer, got 1.5');
  });

  it('shows value and waiters in toString()', () => {
    runVirtual(function* () {
      const sem = new Semaphore(2);
      expect(String(sem)).toBe('<Semaphore [unlocked, value:2]>');
      yield* sem.acquire();
      yield* sem.acquire();
      expect(String(sem)).toBe('<Semaphore [locked]>');
      spawn(sem.acquire());
      yield* ticks();
      expect(String(sem)).toBe('<Semaphore [locked, waiters:1]>');
      sem.release();
      yield* ticks();
    });
  });

  it('lets value tasks in at once and the rest in FIFO order', () => {
    const result = runVirtual(function* () {
      const sem = new Semaphore(1);
      const result: string[] = [];
      const worker = function* (tag: string) {
        for (const round of [1, 2]) {
          yield* sem.acquire();
          result.push(`${tag}_${round}`);
          yield* sleep(0.01);
          sem.release();
        }
      };
      const tasks = ['c1', 'c2', 'c3'].map((t) => spawn(worker(t)));
      for (const t of tasks) yield* t;
      return result;
    });
    expect(result).toEqual(['c1_1', 'c2_1', 'c3_1', 'c1_2', 'c2_2', 'c3_2']);
  });

  it('keeps FIFO order when a woken task releases and acquires again', () => {
    const result = runVirtual(function* () {
      const sem = new Semaphore(1);
      const result: number[] = [];
      const t1 = spawn(
        (function* () {
          yield* sem.acquire();
          result.push(1);
        })(),
      );
      const t2 = spawn(
        (function* () {
          yield* sem.acquire();
          result.push(2);
          sem.release();
          yield* sem.acquire();
          result.push(4);
        })(),
      );
      const t3 = spawn(
        (function* () {
          yield* sem.acquire();
          result.push(3);
        })(),
      );
      yield* ticks();
      sem.release();
      sem.release();
      for (const t of [t1, t2, t3]) yield* t;
      return result;
    });
    expect(result).toEqual([1, 2, 3, 4]);
  });

  it('wakes exactly one later waiter when earlier ones are cancelled before they run', () => {
    runVirtual(function* () {
      const sem = new Semaphore(0);
      const [t1, t2, t3, t4] = [1, 2, 3, 4].map(() => spawn(sem.acquire()));
      yield* ticks();
      t1?.cancel();
      t2?.cancel();
      sem.release();
      yield* ticks(2);
      expect(t3?.done()).toBe(true);
      expect(t4?.done()).toBe(false);
      t4?.cancel();
      yield* ticks();
    });
  });

  it('does not hang when the woken waiter is cancelled (its slot goes to the next)', () => {
    runVirtual(function* () {
      const sem = new Semaphore(0);
      const t1 = spawn(sem.acquire());
      const t2 = spawn(sem.acquire());
      yield* ticks();
      t1.cancel();
      sem.release();
      yield* ticks(2);
      expect(sem.locked()).toBe(true);
      expect(t2.done()).toBe(true);
    });
  });

  it('gives a woken-then-cancelled slot back', () => {
    runVirtual(function* () {
      const sem = new Semaphore(0);
      const t1 = spawn(sem.acquire());
      yield* ticks();
      sem.release(); // wakes t1 and counts its slot as taken
      t1.cancel(); // before t1 runs
      expect(yield* caught(t1)).toBeInstanceOf(CancelledError);
      expect(sem.locked()).toBe(false);
      expect(String(sem)).toBe('<Semaphore [unlocked, value:1]>');
    });
  });

  it('is bound to the first loop it waited on', () => {
    const sem = new Semaphore(0);
    run(function* () {
      const t = spawn(sem.acquire());
      yield* ticks();
      t.cancel();
      yield* ticks();
    });
    const error = run(() => caught(sem.acquire()));
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as Error).message).toBe(
      '<Semaphore [locked]> is bound to a different event loop',
    );
  });
});

describe('BoundedSemaphore', () => {
  it('refuses to be released above its initial value', () => {
    const sem = new BoundedSemaphore();
    expect(() => sem.release()).toThrow(RangeError);
    expect(() => sem.release()).toThrow('BoundedSemaphore released too many times');
    runVirtual(function* () {
      const two = new BoundedSemaphore(2);
      yield* two.acquire();
      two.release();
      expect(() => two.release()).toThrow('BoundedSemaphore released too many times');
      expect(String(two)).toBe('<BoundedSemaphore [unlocked, value:2]>');
    });
  });
});
