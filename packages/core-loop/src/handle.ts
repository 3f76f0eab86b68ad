import type { Context } from '@asyncio-ts/contextvars';
import {
  type ContextOwner,
  contextState,
  currentVars,
  EMPTY_MAP,
  enterContext,
  type HashMap,
  leaveContext,
} from '@asyncio-ts/contextvars/internal';
import { KeyboardInterrupt } from './errors.js';
import type { EventLoop } from './event-loop.js';
import { formatCallback } from './repr.js';

// biome-ignore lint/suspicious/noExplicitAny: callbacks take whatever arguments they were scheduled with
type AnyCallback = (...args: any[]) => unknown;

/**
 * asyncio.Handle: a callback scheduled on a loop with `callSoon`. `cancel()` keeps it from
 * running; an exception it throws goes to the loop's exception handler. The callback runs in
 * a copy of the context that was current when it was scheduled (or in the one passed).
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
  /**
   * @internal The mapping of the context the callback runs in: the handle itself is that
   * context (a copy taken in O(1) when scheduled), so no Context object is made per callback.
   * An own property only when not empty: the prototype holds EMPTY_MAP, so that a program
   * that never sets a ContextVar has handles no bigger than before (see the end of the file).
   */
  declare _vars: HashMap;
  /** @internal A Context passed explicitly (`{ context }`), entered to run the callback. */
  declare _context: Context | null;

  /** Made by the loop's `callSoon`; not meant to be constructed by users. */
  constructor(
    callback: AnyCallback,
    argc: number,
    args: unknown,
    loop: EventLoop,
    vars: HashMap = currentVars(),
  ) {
    this._callback = callback;
    this._argc = argc;
    this._args = args;
    this._loop = loop;
    if (vars !== EMPTY_MAP) keepVars(this, vars);
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

  /** @internal Runs the callback in its context; an exception goes to the exception handler. */
  _run(): void {
    if (this._context !== null) {
      this._runInContext(this._context);
      return;
    }
    // The handle is the callback's context: set() inside writes to it and is then dropped.
    const state = contextState;
    const previous = state.current;
    state.current = this;
    const callback = this._callback as AnyCallback;
    const argc = this._argc;
    try {
      if (argc === 0) callback();
      else if (argc === 1) callback(this._args);
      else callback(...(this._args as unknown[]));
    } catch (exception) {
      // As in asyncio, the handler runs outside the callback's context.
      state.current = previous;
      this._reportException(exception);
      return;
    }
    state.current = previous;
  }

  /** @internal `_run` for a Context given explicitly: entered (once at a time) as asyncio's `context.run`. */
  private _runInContext(context: Context): void {
    const callback = this._callback as AnyCallback;
    const argc = this._argc;
    let previous: ContextOwner;
    try {
      previous = enterContext(context);
    } catch (exception) {
      this._reportException(exception);
      return;
    }
    try {
      if (argc === 0) callback();
      else if (argc === 1) callback(this._args);
      else callback(...(this._args as unknown[]));
    } catch (exception) {
      leaveContext(context, previous);
      this._reportException(exception);
      return;
    }
    leaveContext(context, previous);
  }

  /** @internal The callback failed: the exception handler hears of it (the context is left). */
  _reportException(exception: unknown): void {
    // Like asyncio's (KeyboardInterrupt, SystemExit): it ends the run, not just the callback.
    if (exception instanceof KeyboardInterrupt) throw exception;
    this._loop.callExceptionHandler({
      message: `Exception in callback ${this.describeCallback()}`,
      exception,
      handle: this,
    });
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

/**
 * @internal Stores a non-empty mapping on a handle. Outside the constructor on purpose: V8
 * sizes objects by the `this.x =` assignments it sees in a constructor.
 */
function keepVars(handle: Handle, vars: HashMap): void {
  handle._vars = vars;
}

// Defaults on the prototype, not fields: see `_vars`. Writable, so an assignment makes an own property.
Object.defineProperty(Handle.prototype, '_vars', { value: EMPTY_MAP, writable: true });
Object.defineProperty(Handle.prototype, '_context', { value: null, writable: true });
