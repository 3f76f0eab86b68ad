import { KeyboardInterrupt } from './errors.js';
import type { EventLoop } from './event-loop.js';
import { formatCallback } from './repr.js';

// biome-ignore lint/suspicious/noExplicitAny: callbacks take whatever arguments they were scheduled with
type AnyCallback = (...args: any[]) => unknown;

/**
 * asyncio.Handle: a callback scheduled on a loop with `callSoon`. `cancel()` keeps it from
 * running; an exception it throws goes to the loop's exception handler.
 */
// A Runnable of the ready queue (structurally: `_cancelled`, `_run`).
export class Handle {
  /** @internal */
  _cancelled = false;
  /** @internal */
  _callback: AnyCallback | null;
  /** @internal How many arguments the callback gets. */
  readonly _argc: number;
  /**
   * @internal The arguments: nothing for none, the argument itself for one (no array is
   * allocated for the common cases), an array for more; null once cancelled.
   */
  _args: unknown;
  /** @internal */
  readonly _loop: EventLoop;

  /** Made by the loop's `callSoon`; not meant to be constructed by users. */
  constructor(callback: AnyCallback, argc: number, args: unknown, loop: EventLoop) {
    this._callback = callback;
    this._argc = argc;
    this._args = args;
    this._loop = loop;
  }

  /** Keeps the callback from running; safe to call more than once. */
  cancel(): void {
    if (!this._cancelled) {
      this._cancelled = true;
      this._callback = null;
      this._args = null;
    }
  }

  /** True once `cancel()` was called. */
  cancelled(): boolean {
    return this._cancelled;
  }

  /** The loop this handle belongs to. */
  getLoop(): EventLoop {
    return this._loop;
  }

  /** @internal Runs the callback; an exception goes to the loop's exception handler. */
  _run(): void {
    const callback = this._callback as AnyCallback;
    const argc = this._argc;
    try {
      if (argc === 0) callback();
      else if (argc === 1) callback(this._args);
      else callback(...(this._args as unknown[]));
    } catch (exception) {
      // Like asyncio's (KeyboardInterrupt, SystemExit): it ends the run, not just the callback.
      if (exception instanceof KeyboardInterrupt) throw exception;
      this._loop.callExceptionHandler({
        message: `Exception in callback ${this.describeCallback()}`,
        exception,
        handle: this,
      });
    }
  }

  /** @internal The callback as asyncio prints it: `name(args)`. */
  describeCallback(): string {
    if (this._callback === null) return '';
    const argc = this._argc;
    const args = argc === 0 ? [] : argc === 1 ? [this._args] : (this._args as unknown[]);
    return formatCallback(this._callback, args);
  }

  /** asyncio's repr: `<Handle name(args)>` or `<Handle cancelled>`. */
  toString(): string {
    const state = this._cancelled ? 'cancelled' : this.describeCallback();
    return `<${this.constructor.name} ${state}>`;
  }
}

/** asyncio.TimerHandle: a Handle due at `when()` on the loop's clock (`callLater`, `callAt`). */
export class TimerHandle extends Handle {
  /** @internal */
  readonly _when: number;
  /** @internal Tie-breaker: timers with the same deadline run in scheduling order. */
  readonly _seq: number;
  /** @internal True while the handle sits in the loop's timer heap. */
  _scheduled = false;

  /** Made by the loop's `callLater`/`callAt`; not meant to be constructed by users. */
  constructor(
    when: number,
    seq: number,
    callback: AnyCallback,
    argc: number,
    args: unknown,
    loop: EventLoop,
  ) {
    super(callback, argc, args, loop);
    this._when = when;
    this._seq = seq;
  }

  /** The absolute time, on the loop's clock, at which the callback is due. */
  when(): number {
    return this._when;
  }

  /** Cancels the timer; the loop drops cancelled timers from its heap. */
  override cancel(): void {
    if (!this._cancelled && this._scheduled) this._loop._timerHandleCancelled(this);
    super.cancel();
  }

  /** asyncio's repr, with the deadline: `<TimerHandle when=1.5 name(args)>`. */
  override toString(): string {
    return this._cancelled
      ? `<TimerHandle cancelled when=${this._when}>`
      : `<TimerHandle when=${this._when} ${this.describeCallback()}>`;
  }
}
