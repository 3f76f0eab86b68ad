import type { Coroutine } from '@asyncio-ts/core-loop';
import { checkCount } from './check.js';
import { Condition } from './condition.js';
import { BrokenBarrierError } from './errors.js';
import { LoopBound } from './loop-bound.js';

/** asyncio's `_BarrierState`: the value is what `toString()` shows. */
type BarrierState = 'filling' | 'draining' | 'resetting' | 'broken';

/**
 * asyncio.Barrier: `parties` tasks wait for each other; when the last one arrives, all of
 * them go on, each with its own arrival index (0 … parties-1). `reset()` and `abort()` throw
 * `BrokenBarrierError` into the tasks that are waiting.
 *
 * @example
 * const barrier = new Barrier(3);
 * const index = yield* barrier.wait(); // 0, 1 or 2, once all three have arrived
 */
export class Barrier extends LoopBound {
  /** @internal Notifies every waiting task when the state changes. */
  readonly _cond = new Condition();
  /** @internal */
  readonly _parties: number;
  /** @internal */
  _state: BarrierState = 'filling';
  /** @internal Tasks inside `wait()`. */
  _count = 0;

  /** A barrier for `parties` tasks; `parties < 1` throws `RangeError('parties must be > 0')`. */
  constructor(parties: number) {
    super();
    this._parties = checkCount(parties, 'Barrier parties', 1, 'parties must be > 0');
  }

  /**
   * Waits until `parties` tasks are waiting, then evaluates to this task's arrival index.
   * Throws `BrokenBarrierError` if the barrier is reset or aborted meanwhile, or is broken.
   */
  *wait(): Coroutine<number> {
    const cond = this._cond;
    yield* cond.acquire();
    try {
      yield* this._block();
      try {
        const index = this._count++;
        if (index + 1 === this._parties) this._release();
        else yield* this._wait();
        return index;
      } finally {
        this._count--;
        this._exit();
      }
    } finally {
      cond.release();
    }
  }

  /** @internal Waits while the barrier drains or resets; a broken barrier throws. */
  private *_block(): Coroutine<void> {
    yield* this._cond.waitFor(() => this._state !== 'draining' && this._state !== 'resetting');
    if (this._state === 'broken') throw new BrokenBarrierError('Barrier aborted');
  }

  /** @internal The last party arrived: let everybody go. */
  private _release(): void {
    this._state = 'draining';
    this._cond.notifyAll();
  }

  /** @internal Waits for the last party (or a reset or an abort). */
  private *_wait(): Coroutine<void> {
    yield* this._cond.waitFor(() => this._state !== 'filling');
    if (this._state === 'broken' || this._state === 'resetting') {
      throw new BrokenBarrierError('Abort or reset of barrier');
    }
  }

  /** @internal The last task out of a drained or reset barrier makes it fill again. */
  private _exit(): void {
    if (this._count === 0) {
      if (this._state === 'resetting' || this._state === 'draining') this._state = 'filling';
      this._cond.notifyAll();
    }
  }

  /**
   * Puts the barrier back in its initial state; the tasks waiting get `BrokenBarrierError`.
   * A coroutine, as in asyncio.
   */
  *reset(): Coroutine<void> {
    const cond = this._cond;
    yield* cond.acquire();
    try {
      if (this._count > 0) this._state = 'resetting';
      else this._state = 'filling';
      cond.notifyAll();
    } finally {
      cond.release();
    }
  }

  /**
   * Breaks the barrier: the tasks waiting, and every later `wait()`, get `BrokenBarrierError`.
   * A coroutine, as in asyncio.
   */
  *abort(): Coroutine<void> {
    const cond = this._cond;
    yield* cond.acquire();
    try {
      this._state = 'broken';
      cond.notifyAll();
    } finally {
      cond.release();
    }
  }

  /** How many tasks must wait to trip the barrier. */
  get parties(): number {
    return this._parties;
  }

  /** How many tasks wait while the barrier fills (0 while it drains or resets). */
  get nWaiting(): number {
    return this._state === 'filling' ? this._count : 0;
  }

  /** True once `abort()` broke the barrier. */
  get broken(): boolean {
    return this._state === 'broken';
  }

  /** asyncio's repr: `<Barrier [filling, waiters:1/3]>`. */
  override toString(): string {
    const extra = this.broken ? '' : `, waiters:${this.nWaiting}/${this.parties}`;
    return `<Barrier [${this._state}${extra}]>`;
  }
}
