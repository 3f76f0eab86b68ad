import { CancelledError, type Coroutine } from '@asyncio-ts/core-loop';
import { checkCount } from './check.js';
import { describeWaiters } from './lock.js';
import { LoopBound } from './loop-bound.js';
import { Waiters } from './waiters.js';

/**
 * asyncio.Semaphore: a counter of free slots. `acquire()` takes one, waiting (FIFO) while none
 * is free; `release()` gives one back. A waiter cancelled just as it was woken hands its slot
 * to the next waiter, so no wake-up is lost.
 *
 * @example
 * const slots = new Semaphore(5); // at most five fetches at once
 * yield* holding(slots, function* () {
 *   yield* fetchOne(url);
 * });
 */
export class Semaphore extends LoopBound {
  /** @internal Made on the first wait, as asyncio does. */
  _waiters: Waiters<boolean> | null = null;
  /** @internal */
  _value: number;

  /** A semaphore with `value` free slots (default 1). `value < 0` throws a RangeError. */
  constructor(value = 1) {
    super();
    this._value = checkCount(value, 'Semaphore value', 0, 'Semaphore initial value must be >= 0');
  }

  /** True when `acquire()` would have to wait: no free slot, or live tasks already waiting. */
  locked(): boolean {
    return this._value === 0 || (this._waiters !== null && !this._waiters.allCancelled());
  }

  /** Takes a slot, waiting for one if needed, and evaluates to `true`. */
  *acquire(): Coroutine<true> {
    if (!this.locked()) {
      this._value--;
      return true;
    }
    this._waiters ??= new Waiters();
    const waiters = this._waiters;
    const future = this.getLoop().createFuture<boolean>();
    waiters.push(future);
    try {
      try {
        yield* future;
      } finally {
        waiters.remove(future);
      }
    } catch (error) {
      // Woken (its slot already counted) and cancelled before it ran: give the slot on.
      if (error instanceof CancelledError && !future.cancelled()) {
        this._value++;
        this._wakeUpNext();
      }
      throw error;
    }
    if (this._value > 0) this._wakeUpNext();
    return true;
  }

  /** Gives a slot back and wakes the first waiting task. */
  release(): void {
    this._value++;
    this._wakeUpNext();
  }

  /** @internal asyncio's `_wake_up_next`: hands one slot to the first waiter not yet woken. */
  _wakeUpNext(): void {
    const waiters = this._waiters;
    if (waiters === null) return;
    for (let i = 0; i < waiters.length; i++) {
      const future = waiters.at(i);
      if (!future.done()) {
        this._value--;
        future.setResult(true);
        return;
      }
    }
  }

  /** asyncio's repr: `<Semaphore [unlocked, value:2]>`. */
  override toString(): string {
    const state = this.locked() ? 'locked' : `unlocked, value:${this._value}`;
    return `<${this.constructor.name} [${state}${describeWaiters(this._waiters)}]>`;
  }
}

/**
 * asyncio.BoundedSemaphore: a Semaphore that refuses to be released above its initial value,
 * with `RangeError('BoundedSemaphore released too many times')` (asyncio's ValueError).
 */
export class BoundedSemaphore extends Semaphore {
  /** @internal */
  readonly _boundValue: number;

  /** A bounded semaphore with `value` free slots (default 1). */
  constructor(value = 1) {
    super(value);
    this._boundValue = value;
  }

  /** Gives a slot back; throws a RangeError if that would exceed the initial value. */
  override release(): void {
    if (this._value >= this._boundValue) {
      throw new RangeError('BoundedSemaphore released too many times');
    }
    super.release();
  }
}
