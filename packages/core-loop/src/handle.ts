import type { EventLoop } from './event-loop.js';
import type { Runnable } from './ready-queue.js';
import { formatCallback } from './repr.js';

// biome-ignore lint/suspicious/noExplicitAny: callbacks take whatever arguments they were scheduled with
type AnyCallback = (...args: any[]) => unknown;

const NO_ARGS: readonly unknown[] = Object.freeze([]);

/**
 * asyncio.Handle: a callback scheduled on a loop with `callSoon`. `cancel()` keeps it from
 * running; an exception it throws goes to the loop's exception handler.
 */
export class Handle implements Runnable {
  /** @internal */
  _cancelled = false;
  /** @internal */
  _callback: AnyCallback | null;
  /** @internal */
  _args: readonly unknown[] | null;
  /** @internal */
  readonly _loop: EventLoop;

  /** Made by the loop's `callSoon`; not meant to be constructed by users. */
  constructor(callback: AnyCallback, args: readonly unknown[], loop: EventLoop) {
    this._callback = callback;
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
    const args = this._args as readonly unknown[];
    try {
      if (args.length === 0) callback();
      else callback(...args);
    } catch (exception) {
      this._loop.callExceptionHandler({
        message: `Exception in callback ${this.describeCallback()}`,
        exception,
        handle: this,
      });
    }
  }

  /** @internal The callback as asyncio prints it: `name(args)`. */
  describeCallback(): string {
    return this._callback === null ? '' : formatCallback(this._callback, this._args ?? []);
  }

  /** asyncio's repr: `<Handle name(args)>` or `<Handle cancelled>`. */
  toString(): string {
    const state = this._cancelled ? 'cancelled' : this.describeCallback();
    return `<${this.constructor.name} ${state}>`;
  }
}

/**
 * @internal A future's done callback, due to run `callback(future)`: a Handle that keeps the
 * future itself instead of an argument array (one allocation less per completion).
 */
export class DoneCallbackHandle extends Handle {
  /** @internal */
  _future: unknown;

  /** Made by a Future when it completes. */
  constructor(callback: AnyCallback, future: unknown, loop: EventLoop) {
    super(callback, NO_ARGS, loop);
    this._future = future;
  }

  /** @internal Runs `callback(future)`; an exception goes to the loop's exception handler. */
  override _run(): void {
    try {
      (this._callback as AnyCallback)(this._future);
    } catch (exception) {
      this._loop.callExceptionHandler({
        message: `Exception in callback ${this.describeCallback()}`,
        exception,
        handle: this,
      });
    }
  }

  /** @internal The callback as asyncio prints it: `name(<Future ...>)`. */
  override describeCallback(): string {
    return this._callback === null ? '' : formatCallback(this._callback, [this._future]);
  }

  /** asyncio shows these as plain Handles: `<Handle name(<Future ...>)>`. */
  override toString(): string {
    return `<Handle ${this._cancelled ? 'cancelled' : this.describeCallback()}>`;
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
    args: readonly unknown[],
    loop: EventLoop,
  ) {
    super(callback, args, loop);
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
