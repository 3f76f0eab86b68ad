import { CancelledError, type Coroutine, RuntimeError } from '@asyncio-ts/core-loop';
import { describe } from './check.js';
import { describeWaiters, Lock } from './lock.js';
import { LoopBound } from './loop-bound.js';
import { Waiters } from './waiters.js';

/**
 * asyncio.Condition: tasks wait until another task, holding the same lock, notifies them.
 * `wait()` releases the lock while it waits and takes it back before it returns, even when
 * the task is cancelled (the cancellation is re-thrown once the lock is held again).
 *
 * @example
 * const cond = new Condition();
 * yield* holding(cond, function* () {
 *   yield* cond.waitFor(() => items.length > 0);
 *   items.shift();
 * });
 */
export class Condition extends LoopBound {
  /** @internal */
  readonly _lock: Lock;
  /** @internal */
  readonly _waiters = new Waiters<boolean>();

  /** A condition on `lock`, or on a new Lock. */
  constructor(lock?: Lock) {
    super();
    if (lock !== undefined && !(lock instanceof Lock)) {
      throw new TypeError(`Condition(lock): lock must be a Lock, got ${describe(lock)}`);
    }
    this._lock = lock ?? new Lock();
  }

  /** True while the underlying lock is held. */
  locked(): boolean {
    return this._lock._locked;
  }

  /** Takes the underlying lock (the Lock's `acquire()`). */
  acquire(): Coroutine<true> {
    return this._lock.acquire();
  }

  /** Frees the underlying lock (the Lock's `release()`). */
  release(): void {
    this._lock.release();
  }

  /**
   * Releases the lock, waits for `notify()`/`notifyAll()`, takes the lock back and evaluates
   * to `true`. Throws `RuntimeError('cannot wait on un-acquired lock')` without the lock.
   */
  *wait(): Coroutine<true> {
    if (!this.locked()) throw new RuntimeError('cannot wait on un-acquired lock');
    this.release();
    try {
      const future = this.getLoop().createFuture<boolean>();
      this._waiters.push(future);
      try {
        yield* future;
        return true;
      } finally {
        this._waiters.remove(future);
      }
    } finally {
      yield* this._reacquire();
    }
  }

  /** @internal
   * Takes the lock back whatever happened: cancellations on the way are remembered and
   * re-thrown once it is held, as asyncio's `wait()` does in its `finally`.
   */
  private *_reacquire(): Coroutine<void> {
    let cancelled = false;
    for (;;) {
      try {
        yield* this._lock.acquire();
        break;
      } catch (error) {
        if (!(error instanceof CancelledError)) throw error;
        cancelled = true;
      }
    }
    if (cancelled) throw new CancelledError();
  }

  /**
   * Waits until `predicate()` is truthy (checking it first, then after every wake-up) and
   * evaluates to its last value (asyncio's `wait_for`). The lock must be held.
   */
  waitFor<R>(predicate: () => R): Coroutine<R> {
    if (typeof predicate !== 'function') {
      throw new TypeError(
        `Condition.waitFor(predicate): predicate must be a function, got ${describe(predicate)}`,
      );
    }
    return this._waitFor(predicate);
  }

  /** @internal The loop of waitFor, once its argument is checked. */
  private *_waitFor<R>(predicate: () => R): Coroutine<R> {
    let result = predicate();
    while (!result) {
      yield* this.wait();
      result = predicate();
    }
    return result;
  }

  /**
   * Wakes up to `n` waiting tasks (default 1); each returns from `wait()` once it has the
   * lock again. Throws `RuntimeError('cannot notify on un-acquired lock')` without the lock.
   */
  notify(n = 1): void {
    if (typeof n !== 'number' || Number.isNaN(n)) {
      throw new TypeError(`Condition.notify(n): n must be a number, got ${describe(n)}`);
    }
    if (!this.locked()) throw new RuntimeError('cannot notify on un-acquired lock');
    const waiters = this._waiters;
    let woken = 0;
    for (let i = 0; i < waiters.length && woken < n; i++) {
      const future = waiters.at(i);
      if (!future.done()) {
        woken++;
        future.setResult(false);
      }
    }
  }

  /** Wakes every waiting task (asyncio's `notify_all`). The lock must be held. */
  notifyAll(): void {
    this.notify(this._waiters.length);
  }

  /** asyncio's repr: `<Condition [locked, waiters:1]>`. */
  override toString(): string {
    return `<Condition [${this.locked() ? 'locked' : 'unlocked'}${describeWaiters(this._waiters)}]>`;
  }
}
