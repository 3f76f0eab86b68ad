import { CancelledError, type Coroutine, RuntimeError } from '@asyncio-ts/core-loop';
import { LoopBound } from './loop-bound.js';
import { Waiters } from './waiters.js';

/**
 * asyncio.Lock: a mutual-exclusion lock for tasks, not owned by the task that holds it.
 * Waiters get it in FIFO order; a waiter cancelled just as it is woken passes the wake-up on
 * to the next one (3.11's `_wake_up_first`), so no wake-up is lost.
 *
 * @example
 * const lock = new Lock();
 * yield* holding(lock, function* () {
 *   // only one task at a time runs here
 * });
 */
export class Lock extends LoopBound {
  /** @internal Made on the first wait, as asyncio does. */
  _waiters: Waiters<boolean> | null = null;
  /** @internal */
  _locked = false;

  /** True while the lock is held. */
  locked(): boolean {
    return this._locked;
  }

  /**
   * Waits until the lock is free, takes it and evaluates to `true` (asyncio's
   * `await lock.acquire()`). Fair: a free lock with live waiters goes to the first waiter.
   */
  *acquire(): Coroutine<true> {
    const waiters = this._waiters;
    if (!this._locked && (waiters === null || waiters.allCancelled())) {
      this._locked = true;
      return true;
    }
    this._waiters ??= new Waiters();
    const queue = this._waiters;
    const future = this.getLoop().createFuture<boolean>();
    queue.push(future);
    try {
      try {
        yield* future;
      } finally {
        queue.remove(future);
      }
    } catch (error) {
      if (error instanceof CancelledError && !this._locked) this._wakeUpFirst();
      throw error;
    }
    this._locked = true;
    return true;
  }

  /**
   * Frees the lock and wakes the first waiter. Throws `RuntimeError('Lock is not acquired.')`
   * when the lock is not held.
   */
  release(): void {
    if (!this._locked) throw new RuntimeError('Lock is not acquired.');
    this._locked = false;
    this._wakeUpFirst();
  }

  /** @internal asyncio's `_wake_up_first`: wakes the front waiter unless it is already done. */
  _wakeUpFirst(): void {
    const waiters = this._waiters;
    if (waiters === null || waiters.length === 0) return;
    const first = waiters.at(0);
    if (!first.done()) first.setResult(true);
  }

  /** asyncio's repr: `<Lock [locked, waiters:2]>`. */
  override toString(): string {
    return `<Lock [${this._locked ? 'locked' : 'unlocked'}${describeWaiters(this._waiters)}]>`;
  }
}

/** The `, waiters:N` part of a primitive's repr (empty when nobody waits). */
export function describeWaiters(waiters: { length: number } | null): string {
  return waiters !== null && waiters.length > 0 ? `, waiters:${waiters.length}` : '';
}
