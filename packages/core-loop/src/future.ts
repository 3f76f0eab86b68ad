import type { Context } from '@asyncio-ts/contextvars';
import { currentVars, EMPTY_MAP, type HashMap } from '@asyncio-ts/contextvars/internal';
import { FUTURE_BRAND } from './brand.js';
import { type CallOptions, contextOption } from './call-options.js';
import { checkLoop, isEventLoop } from './checks.js';
import {
  type CancelledError,
  InvalidStateError,
  loopCancelledError,
  RuntimeError,
} from './errors.js';
import type { EventLoop } from './event-loop.js';
import { BLOCKING, defineFlag, LOG_TRACEBACK, SENDS_RESULT } from './flags.js';
import { boundedRepr, repr } from './repr.js';
import { getEventLoop } from './running-loop.js';
import type { Task } from './task.js';
import type { Yielded } from './types.js';
import { forgetUnretrieved, trackUnretrieved } from './unretrieved.js';

/** @internal Future states, as numbers to keep the hot path cheap. */
export const PENDING = 0;
/** @internal */
export const CANCELLED = 1;
/** @internal Finished with a result. */
export const RESOLVED = 2;
/** @internal Finished with an exception. */
export const FAILED = 3;

/** A done callback: called (through `callSoon`) with the future once it is done. */
export type DoneCallback<T> = (future: Future<T>) => void;

/** @internal A done callback stored without its result type (method syntax: bivariant). */
type StoredCallback = { bivariant(future: Future<unknown>): void }['bivariant'];

/**
 * @internal A done callback with the context it runs in: the mapping current when it was
 * added, or an explicit Context. Only made when there is a context to keep: a callback added
 * where no ContextVar was ever set is stored as the bare function (no allocation).
 */
class CallbackInContext {
  constructor(
    readonly callback: StoredCallback,
    readonly vars: HashMap,
    readonly context: Context | null,
  ) {}
}

/** @internal A done-callback slot: a user callback, or a Task parked on this future. */
type CallbackEntry = StoredCallback | CallbackInContext | Task<unknown>;

/** True if the slot `entry` holds `callback`. */
function isEntryOf(entry: CallbackEntry, callback: StoredCallback): boolean {
  return entry === callback || (entry instanceof CallbackInContext && entry.callback === callback);
}

/** Options for `new Future()`. */
export interface FutureOptions {
  /** The loop the future belongs to; default: the running loop or `getEventLoop()`. */
  loop?: EventLoop;
}

/** The loop for `new Future(options)` when `options.loop` is inherited or not a loop. */
function badLoopOption(future: object, options: FutureOptions): EventLoop {
  if (!Object.hasOwn(options, 'loop')) return getEventLoop();
  checkLoop(options.loop, `new ${future.constructor.name}(): options.loop`);
  return options.loop as EventLoop;
}

/**
 * One `yield*` of a Future: yields the future once (flagged as blocking, so the task parks
 * on it) and returns its result when the task resumes — asyncio's `Future.__await__`.
 */
class FutureAwait<T> implements Iterator<Yielded, T, unknown> {
  private yielded = false;
  constructor(private readonly future: Future<T>) {}

  next(): IteratorResult<Yielded, T> {
    const future = this.future;
    if (future._state === PENDING) {
      if (this.yielded) throw new RuntimeError("yield* wasn't used with future");
      this.yielded = true;
      future._asyncioFutureBlocking = true;
      return { done: false, value: future as Future<unknown> };
    }
    return { done: true, value: future.result() };
  }

  throw(error: unknown): IteratorResult<Yielded, T> {
    throw error;
  }

  return(value?: T): IteratorResult<Yielded, T> {
    return { done: true, value: value as T };
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/**
 * asyncio.Future: a result that will be available later. Done callbacks are scheduled on
 * the loop with `callSoon`, never called synchronously. `yield* fut` waits for it inside a
 * coroutine; `await fut` works from native code when the loop runs in host mode.
 */
export class Future<T = unknown> implements PromiseLike<T> {
  /** @internal */
  declare readonly [FUTURE_BRAND]: true;
  /** @internal */
  _state: number = PENDING;
  /** @internal */
  _result: T | undefined = undefined;
  /** @internal */
  _exception: unknown = undefined;
  /** @internal */
  _loop: EventLoop;
  /**
   * @internal The done callbacks and parked tasks in the order added: null, the one entry
   * (most futures have one), or an array of them all. One field, not a first and the rest:
   * 8 B less per future and per task (issue 24).
   */
  _callbacks: CallbackEntry | CallbackEntry[] | null = null;
  /**
   * @internal The message of `cancel(msg)`. Kept in `_result`'s slot, which a pending or
   * cancelled future does not use (an accessor, see the end of the file): with
   * `_cancelledExc`, 16 B less per future and per task (W7; issue 24).
   */
  declare _cancelMessage: string | undefined;
  /**
   * @internal The CancelledError a task's coroutine ended with, re-thrown by result(); kept
   * in `_exception`'s slot, which only a failed future uses otherwise.
   */
  declare _cancelledExc: CancelledError | null;
  /** @internal The booleans below (and a Task's) as bits: flags.ts. */
  _flags = 0;
  /** @internal Set by `yield*` just before the future is handed to a task (asyncio's flag). */
  declare _asyncioFutureBlocking: boolean;
  /** @internal A future that stands for a native promise: its value is sent to the task. */
  declare _sendsResult: boolean;
  /** @internal True while a set exception has not been retrieved. */
  declare _logTraceback: boolean;

  /** Makes a pending future on `options.loop` (default: the running or current loop). */
  constructor(options?: FutureOptions) {
    const loop = options?.loop;
    // Every task comes through here: the checks of an option given cost one branch when it
    // is an own EventLoop (ownOption and checkLoop, written out).
    if (loop !== undefined && (!isEventLoop(loop) || !Object.hasOwn(options as object, 'loop'))) {
      this._loop = badLoopOption(this, options as FutureOptions);
      return;
    }
    this._loop = loop ?? getEventLoop();
  }

  /** The loop this future belongs to. */
  getLoop(): EventLoop {
    return this._loop;
  }

  /** True once the future has a result, an exception, or was cancelled. */
  done(): boolean {
    return this._state !== PENDING;
  }

  /** True if the future was cancelled. */
  cancelled(): boolean {
    return this._state === CANCELLED;
  }

  /**
   * The result; throws the future's exception, a CancelledError if it was cancelled, or
   * `InvalidStateError('Result is not set.')` while pending.
   */
  result(): T {
    const state = this._state;
    if (state === RESOLVED) return this._result as T;
    if (state === FAILED) {
      this._retrieved();
      throw this._exception;
    }
    if (state === CANCELLED) throw this._makeCancelledError();
    throw new InvalidStateError('Result is not set.');
  }

  /**
   * The exception the future finished with, or null; throws a CancelledError if it was
   * cancelled and `InvalidStateError('Exception is not set.')` while pending.
   */
  exception(): unknown {
    const state = this._state;
    if (state === CANCELLED) throw this._makeCancelledError();
    if (state === PENDING) throw new InvalidStateError('Exception is not set.');
    this._retrieved();
    return state === FAILED ? this._exception : null;
  }

  /** Marks the future done with `value` and schedules its callbacks. */
  setResult(value: T): void {
    if (this._state !== PENDING) throw new InvalidStateError('invalid state');
    this._result = value;
    this._state = RESOLVED;
    this._complete();
  }

  /** Marks the future done with an exception (an instance, or an Error class to instantiate). */
  setException(exception: unknown): void {
    if (this._state !== PENDING) throw new InvalidStateError('invalid state');
    let error = exception;
    if (typeof error === 'function') error = new (error as new () => unknown)();
    this._exception = error;
    this._state = FAILED;
    this._logTraceback = true;
    trackUnretrieved(this as Future<unknown>);
    this._complete();
  }

  /**
   * Cancels the future and schedules its callbacks. Returns false if it was already done.
   * `msg` becomes the message of the CancelledError that `result()` throws.
   */
  cancel(msg?: string): boolean {
    this._retrieved();
    if (this._state !== PENDING) return false;
    this._state = CANCELLED;
    this._cancelMessage = msg;
    this._complete();
    return true;
  }

  /**
   * Adds a callback run with the future once it is done (scheduled at once if it is), in a
   * copy of the context current now, or in `options.context` (asyncio's `context=`).
   */
  addDoneCallback(callback: DoneCallback<T>, options?: CallOptions): void {
    if (typeof callback !== 'function') {
      throw new TypeError(
        `a callable object was expected by addDoneCallback(), got ${repr(callback)}`,
      );
    }
    const context = options === undefined ? null : contextOption(options, 'addDoneCallback');
    if (this._state !== PENDING) {
      if (context === null)
        this._loop._scheduleDoneCallback(callback as StoredCallback, this, currentVars(), null);
      else this._loop.callSoon({ context }, callback, this);
      return;
    }
    const vars = currentVars();
    if (context === null && vars === EMPTY_MAP) this._addEntry(callback as StoredCallback);
    else this._addEntry(new CallbackInContext(callback as StoredCallback, vars, context));
  }

  /** Removes every registration of `callback`; returns how many were removed. */
  removeDoneCallback(callback: DoneCallback<T>): number {
    const entries = this._entries();
    const kept = entries.filter(
      (entry) =>
        entry !== (callback as StoredCallback) &&
        !(entry instanceof CallbackInContext && entry.callback === callback),
    );
    const removed = entries.length - kept.length;
    if (removed > 0) {
      this._callbacks =
        kept.length === 0 ? null : kept.length === 1 ? (kept[0] as CallbackEntry) : kept;
    }
    return removed;
  }

  /** `yield* fut` inside a coroutine waits for the future and evaluates to its result. */
  [Symbol.iterator](): Iterator<Yielded, T, unknown> {
    return new FutureAwait(this);
  }

  /**
   * Lets native code `await` the future (host mode: the loop must be running on the host
   * for the future to make progress).
   */
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return new Promise<T>((resolve, reject) => {
      const settle = (): void => {
        try {
          resolve(this.result());
        } catch (error) {
          reject(error);
        }
      };
      if (this._state !== PENDING) settle();
      else this.addDoneCallback(settle);
    }).then(onFulfilled, onRejected);
  }

  /**
   * asyncio's repr: `<Future pending>`, `<Future pending cb=[done()]>`,
   * `<Future finished result=1>`, `<Future finished exception=RuntimeError()>`, `<Future cancelled>`.
   */
  toString(): string {
    return boundedRepr(this, () => {
      const callbacks = this._describeCallbacks();
      const text = `<${this.constructor.name} ${this.describeState()}`;
      return callbacks === '' ? `${text}>` : `${text} ${callbacks}>`;
    });
  }

  /** @internal The state part of the repr. */
  describeState(): string {
    switch (this._state) {
      case RESOLVED:
        return `finished result=${repr(this._result)}`;
      case FAILED:
        return `finished exception=${repr(this._exception)}`;
      case CANCELLED:
        return 'cancelled';
      default:
        return 'pending';
    }
  }

  /**
   * @internal The pending callbacks as asyncio's repr shows them, or '' when there are none:
   * `cb=[first()]`, `cb=[first(), second()]`, `cb=[first(), <2 more>, last()]`. A task parked
   * on the future shows as `Task.task_wakeup()`, as in CPython.
   */
  _describeCallbacks(): string {
    const entries = this._entries();
    const n = entries.length;
    if (n === 0) return '';
    const show = (entry: CallbackEntry): string => {
      const callback = entry instanceof CallbackInContext ? entry.callback : entry;
      return typeof callback === 'function'
        ? `${callback.name || 'anonymous'}()`
        : 'Task.task_wakeup()';
    };
    const first = show(entries[0] as CallbackEntry);
    if (n === 1) return `cb=[${first}]`;
    const last = show(entries[n - 1] as CallbackEntry);
    return n === 2 ? `cb=[${first}, ${last}]` : `cb=[${first}, <${n - 2} more>, ${last}]`;
  }

  /** @internal The CancelledError to throw for a cancelled future (asyncio's helper). */
  _makeCancelledError(): CancelledError {
    const saved = this._cancelledExc;
    if (saved !== null) {
      this._cancelledExc = null;
      return saved;
    }
    return loopCancelledError(this._cancelMessage ?? '');
  }

  /** @internal The exception has been seen by someone: do not report it at close. */
  _retrieved(): void {
    if (this._logTraceback) {
      this._logTraceback = false;
      forgetUnretrieved(this as Future<unknown>);
    }
  }

  /** @internal Schedules the done callbacks; a parked Task is woken without a Handle. */
  _complete(): void {
    const callbacks = this._callbacks;
    if (callbacks === null) return;
    this._callbacks = null;
    if (!Array.isArray(callbacks)) this._scheduleEntry(callbacks);
    else
      for (let i = 0; i < callbacks.length; i++) this._scheduleEntry(callbacks[i] as CallbackEntry);
  }

  /** @internal Parks `task` on this future: it is woken when the future is done. */
  _addWaiter(task: Task<unknown>): void {
    this._addEntry(task);
  }

  /** @internal Un-parks `task`: it is no longer woken when this future is done. */
  _removeWaiter(task: Task<unknown>): void {
    this.removeDoneCallback(task as unknown as DoneCallback<T>);
  }

  /** @internal True if `callback` is among the pending done callbacks (no array is made). */
  _hasDoneCallback(callback: StoredCallback): boolean {
    const callbacks = this._callbacks;
    if (callbacks === null) return false;
    if (!Array.isArray(callbacks)) return isEntryOf(callbacks, callback);
    for (let i = 0; i < callbacks.length; i++) {
      if (isEntryOf(callbacks[i] as CallbackEntry, callback)) return true;
    }
    return false;
  }

  /** @internal The done callbacks and parked tasks, in the order they were added (a copy). */
  _entries(): CallbackEntry[] {
    const callbacks = this._callbacks;
    if (callbacks === null) return [];
    return Array.isArray(callbacks) ? [...callbacks] : [callbacks];
  }

  /** @internal */
  private _addEntry(entry: CallbackEntry): void {
    const callbacks = this._callbacks;
    if (callbacks === null) this._callbacks = entry;
    else if (Array.isArray(callbacks)) callbacks.push(entry);
    else this._callbacks = [callbacks, entry];
  }

  /** @internal */
  private _scheduleEntry(entry: CallbackEntry): void {
    if (typeof entry === 'function')
      this._loop._scheduleDoneCallback(entry, this as Future<unknown>, EMPTY_MAP, null);
    else if (entry instanceof CallbackInContext)
      this._loop._scheduleDoneCallback(
        entry.callback,
        this as Future<unknown>,
        entry.vars,
        entry.context,
      );
    else this._loop._wakeTask(entry, this as Future<unknown>);
  }
}

Object.defineProperty(Future.prototype, FUTURE_BRAND, { value: true });
Object.defineProperty(Future.prototype, '_cancelMessage', {
  get(this: Future<unknown>): string | undefined {
    const state = this._state;
    return state === PENDING || state === CANCELLED
      ? (this._result as string | undefined)
      : undefined;
  },
  // Written only while pending (a task's cancel request) or once cancelled.
  set(this: Future<unknown>, message: string | undefined) {
    this._result = message;
  },
  configurable: true,
});
Object.defineProperty(Future.prototype, '_cancelledExc', {
  get(this: Future<unknown>): CancelledError | null {
    return this._state === FAILED
      ? null
      : ((this._exception as CancelledError | undefined) ?? null);
  },
  // Written by a task's last step just before it is cancelled, and when the error is taken.
  set(this: Future<unknown>, exception: CancelledError | null) {
    this._exception = exception;
  },
  configurable: true,
});
defineFlag(Future.prototype, '_asyncioFutureBlocking', BLOCKING);
defineFlag(Future.prototype, '_sendsResult', SENDS_RESULT);
defineFlag(Future.prototype, '_logTraceback', LOG_TRACEBACK);
