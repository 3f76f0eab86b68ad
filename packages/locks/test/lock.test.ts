import { CancelledError, RuntimeError, run } from '@asyncio-ts/core-loop';
import { Lock } from '@asyncio-ts/locks';
import { describe, expect, it } from 'vitest';
import { caught, runVirtual, sleep, spawn, ticks } from './support.js';

describe('Lock', () => {
  it('shows its state and waiters in toString()', () => {
    runVirtual(function* () {
      const lock = new Lock();
      expect(String(lock)).toBe('<Lock [unlocked]>');
      yield* lock.acquire();
      expect(String(lock)).toBe('<Lock [locked]>');
      spawn(lock.acquire());
      yield* ticks();
      expect(String(lock)).toBe('<Lock [locked, waiters:1]>');
      lock.release();
      yield* ticks();
    });
  });

  it('acquires a free lock at once and evaluates to true', () => {
    runVirtual(function* () {
      const lock = new Lock();
      expect(lock.locked()).toBe(false);
      expect(yield* lock.acquire()).toBe(true);
      expect(lock.locked()).toBe(true);
      lock.release();
      expect(lock.locked()).toBe(false);
    });
  });

  it('hands the lock to waiters in FIFO order', () => {
    const order = runVirtual(function* () {
      const lock = new Lock();
      const order: number[] = [];
      yield* lock.acquire();
      const worker = function* (n: number) {
        yield* lock.acquire();
        order.push(n);
        yield* sleep(0.01);
        lock.release();
      };
      const tasks = [1, 2, 3].map((n) => spawn(worker(n)));
      yield* ticks();
      lock.release();
      for (const task of tasks) yield* task;
      return order;
    });
    expect(order).toEqual([1, 2, 3]);
  });

  it('removes a waiter cancelled while it waits', () => {
    runVirtual(function* () {
      const lock = new Lock();
      yield* lock.acquire();
      const task = spawn(lock.acquire());
      yield* ticks();
      task.cancel();
      expect(yield* caught(task)).toBeInstanceOf(CancelledError);
      expect(String(lock)).toBe('<Lock [locked]>');
    });
  });

  it('passes a release on to the next waiter when the first is cancelled at once (cancel race)', () => {
    runVirtual(function* () {
      const lock = new Lock();
      const loop = spawn(ticks()).getLoop();
      const lockit = function* (blocker: ReturnType<typeof loop.createFuture<void>> | null) {
        yield* lock.acquire();
        try {
          if (blocker !== null) yield* blocker;
        } finally {
          lock.release();
        }
      };
      const fa = loop.createFuture<void>();
      const ta = spawn(lockit(fa));
      yield* ticks();
      const tb = spawn(lockit(null));
      yield* ticks();
      const tc = spawn(lockit(null));
      yield* ticks();
      fa.setResult(undefined);
      tb.cancel();
      yield* ticks();
      expect(lock.locked()).toBe(false);
      expect(ta.done()).toBe(true);
      expect(tb.cancelled()).toBe(true);
      yield* tc;
    });
  });

  it('lets only one waiter take the lock when one is cancelled and the lock released together', () => {
    runVirtual(function* () {
      const lock = new Lock();
      let taken = 0;
      const lockit = function* () {
        yield* lock.acquire();
        taken++;
      };
      yield* lock.acquire();
      const t1 = spawn(lockit());
      const t2 = spawn(lockit());
      const t3 = spawn(lockit());
      yield* ticks();
      t1.getLoop().callSoon(() => {
        t1.cancel();
        lock.release();
      });
      expect(yield* caught(t1)).toBeInstanceOf(CancelledError);
      expect(taken).toBe(1);
      expect(t2.done()).toBe(true);
      t3.cancel();
      yield* ticks();
      expect(t3.cancelled()).toBe(true);
    });
  });

  it('wakes the next waiter when the woken one is cancelled before it runs (_wake_up_first)', () => {
    runVirtual(function* () {
      const lock = new Lock();
      yield* lock.acquire();
      const tb = spawn(lock.acquire());
      yield* ticks();
      const tc = spawn(lock.acquire());
      tb.cancel();
      lock.release();
      yield* ticks();
      expect(lock.locked()).toBe(true);
      expect(tb.cancelled()).toBe(true);
      expect(yield* tc).toBe(true);
    });
  });

  it('throws RuntimeError when released without being held', () => {
    const lock = new Lock();
    expect(() => lock.release()).toThrow(RuntimeError);
    expect(() => lock.release()).toThrow('Lock is not acquired.');
  });

  it('refuses to wait on a loop other than the one it is bound to', () => {
    const lock = new Lock();
    run(function* () {
      yield* lock.acquire();
      const waiter = spawn(lock.acquire());
      yield* ticks();
      lock.release();
      yield* waiter;
    });
    const error = run(function* () {
      return yield* caught(lock.acquire());
    });
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as Error).message).toBe('<Lock [locked]> is bound to a different event loop');
  });

  it('takes the fast path on a free lock even from another loop (it never waited there)', () => {
    const lock = new Lock();
    const a = run(function* () {
      yield* lock.acquire();
      const waiter = spawn(lock.acquire());
      yield* ticks();
      lock.release();
      yield* waiter;
      lock.release();
      return lock.locked();
    });
    expect(a).toBe(false);
    expect(run(lock.acquire())).toBe(true);
  });
});
