import type { Coroutine } from '@asyncio-ts/core-loop';
import { describeWaiters } from './lock.js';
import { LoopBound } from './loop-bound.js';
import { Waiters } from './waiters.js';

/**
 * asyncio.Event: a flag that tasks wait for. `set()` wakes every waiting task; while the flag
 * is set, `wait()` returns at once.
 *
 * @example
 * const ready = new Event();
 * loop.createTask((function* () { yield* ready.wait(); console.log('go'); })());
 * ready.set();
 */
export class Event extends LoopBound {
  /** @internal */
  readonly _waiters = new Waiters<boolean>();
  /** @internal */
  _value = false;

  /** True while the flag is set (asyncio's `is_set()`). */
  isSet(): boolean {
    return this._value;
  }

  /** Sets the flag and wakes every task waiting for it. */
  set(): void {
    if (this._value) return;
    this._value = true;
    const waiters = this._waiters;
    for (let i = 0; i < waiters.length; i++) {
      const future = waiters.at(i);
      if (!future.done()) future.setResult(true);
    }
  }

  /** Clears the flag: later `wait()` calls block until the next `set()`. */
  clear(): void {
    this._value = false;
  }

  /** Waits until the flag is set and evaluates to `true`. */
  *wait(): Coroutine<true> {
    if (this._value) return true;
    const future = this.getLoop().createFuture<boolean>();
    this._waiters.push(future);
    try {
      yield* future;
      return true;
    } finally {
      this._waiters.remove(future);
    }
  }

  /** asyncio's repr: `<Event [unset, waiters:1]>`. */
  override toString(): string {
    return `<Event [${this._value ? 'set' : 'unset'}${describeWaiters(this._waiters)}]>`;
  }
}
