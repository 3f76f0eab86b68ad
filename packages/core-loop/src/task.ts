import type { Context } from '@asyncio-ts/contextvars';
import {
  contextState,
  currentVars,
  EMPTY_MAP,
  enterContext,
  type HashMap,
  leaveContext,
} from '@asyncio-ts/contextvars/internal';
import { FUTURE_BRAND, THROW_PASSES_THROUGH } from './brand.js';
import { contextOption } from './call-options.js';
import {
  CancelledError,
  InvalidStateError,
  KeyboardInterrupt,
  loopCancelledError,
  RuntimeError,
} from './errors.js';
import type { EventLoop } from './event-loop.js';
import { defineCount, defineFlag, EXECUTING, MUST_CANCEL } from './flags.js';
import { CANCELLED, FAILED, Future, PENDING, RESOLVED } from './future.js';
import { isCoroutine, isThenable } from './predicates.js';
import { registry } from './registry.js';
import { boundedRepr, repr } from './repr.js';
import type { Coroutine } from './types.js';

/** Options for `createTask` / `new Task`. */
export interface TaskOptions {
  /** The task's name; default `Task-<n>`. */
  name?: string;
  /** The loop to run on; default: the running or current loop. */
  loop?: EventLoop;
  /**
   * The Context every step runs in (asyncio's `context=`); default: a copy of the current
   * context, taken when the task is made.
   */
  context?: Context | null | undefined;
}

/** @internal "No exception to throw into the coroutine" (undefined and null can be thrown). */
const NO_EXCEPTION: unique symbol = Symbol('no exception');
/** The fast path parks a task on a Future directly; a subclass's own addDoneCallback is called. */
const BASE_ADD_DONE_CALLBACK = Future.prototype.addDoneCallback;

/** The done callback each task parked on a Future subclass gave it (to take it back). */
const subclassWakeups = new WeakMap<Task<unknown>, (future: Future<unknown>) => void>();

/** Marks a coroutine a Task has taken, in every copy of the package. */
const CLAIMED: unique symbol = Symbol.for('asyncio-ts.coroutine.claimed') as never;

/** A claimed prototype per prototype of the coroutines claimed so far, and the last pair. */
const claimedPrototypes = new WeakMap<object, object>();
let lastPrototype: object | null = null;
let lastClaimed: object | null = null;

/**
 * Marks `coro` as taken by a task without growing it: its prototype becomes one that inherits
 * from the original and carries CLAIMED (made once per prototype). A symbol property written
 * on each generator object would cost it a 40 B property array and ~3× the time (W1, 100,000
 * tasks: 40 B and ~20% of the CPU time per task; issue 24).
 */
function claim(coro: object): void {
  const proto = Object.getPrototypeOf(coro) as object | null;
  if (proto === null) return;
  let claimed = proto === lastPrototype ? lastClaimed : claimedPrototypes.get(proto);
  if (claimed === undefined || claimed === null) {
    claimed = Object.create(proto, { [CLAIMED]: { value: true } }) as object;
    claimedPrototypes.set(proto, claimed);
  }
  lastPrototype = proto;
  lastClaimed = claimed;
  try {
    Object.setPrototypeOf(coro, claimed);
  } catch {
    // A frozen custom coroutine cannot be marked: its reuse is not detected.
  }
}

/** True once a Task has taken `coro` (in any copy of the package); see `claim`. */
export function isClaimed(coro: object): boolean {
  return (coro as { [CLAIMED]?: true })[CLAIMED] === true;
}

/**
 * Stands in for a coroutine that a task already drove (or drives): the task fails with
 * asyncio's error at its first step, and the other task's coroutine is left untouched.
 */
function* reusedCoroutine(): Coroutine<never> {
  throw new RuntimeError('cannot reuse already awaited coroutine');
}

/** A coroutine that may declare its `throw` a pass-through (brand.ts). */
interface PassesThrough {
  [THROW_PASSES_THROUGH]?: () => void;
}

/** @internal In `_stepException`: the task was queued because `_futWaiter` is done. */
export const WAKE_UP: unique symbol = Symbol('wake up');

/**
 * asyncio.Task: a Future that drives a coroutine, one step per loop callback. A step sends
 * into the coroutine (or throws a pending exception into it) and parks the task on whatever
 * future the coroutine yields; a bare `yield` gives up the turn once.
 */
export class Task<T = unknown> extends Future<T> {
  /** @internal A task is never skipped in the ready queue (on the prototype: no field). */
  declare readonly _cancelled: false;
  /** @internal */
  readonly _coro: Coroutine<T>;
  /**
   * @internal The name, or for an unnamed task its number: the default name `Task-<n>` is
   * made on demand (one field for both: 8 B less per task, issue 24).
   */
  _name: string | number;
  /** @internal The future the coroutine waits on. */
  _futWaiter: Future<unknown> | null = null;
  /** @internal A cancel() arrived while no future was there to cancel (a bit of `_flags`). */
  declare _mustCancel: boolean;
  /** @internal How many cancel() requests are pending (bits of `_flags`: flags.ts). */
  declare _numCancelsRequested: number;
  /**
   * @internal What the next step does: WAKE_UP (read the outcome of `_futWaiter`, which is
   * done), an exception to throw into the coroutine, or NO_EXCEPTION (send).
   */
  _stepException: unknown = NO_EXCEPTION;
  /** @internal Links of the loop's TaskList of pending tasks. */
  _previousInList: Task<unknown> | null = null;
  /** @internal */
  _nextInList: Task<unknown> | null = null;
  /** @internal True while the coroutine is executing (guards re-entrant steps; a bit of `_flags`). */
  declare _executing: boolean;
  /**
   * @internal The mapping of the task's own context, copied (in O(1)) from its creator's: the
   * task itself is that context, so no Context object is made per task. An own property only
   * when not empty (the prototype holds EMPTY_MAP): no cost for programs without ContextVars.
   */
  declare _vars: HashMap;
  /** @internal The Context given as `options.context`, entered for every step; or null. */
  declare _context: Context | null;

  /** Wraps `coro` and schedules its first step; prefer `loop.createTask(coro)`. */
  constructor(coro: Coroutine<T>, options?: TaskOptions) {
    // Future reads only an own `loop` of the options (and checks it), as a task must.
    super(options);
    if (!isCoroutine(coro)) {
      throw new TypeError(`a coroutine was expected, got ${repr(coro)}`);
    }
    if (isClaimed(coro)) {
      this._coro = reusedCoroutine();
    } else {
      this._coro = coro;
      claim(coro);
    }
    takeContext(this as Task<unknown>, options);
    let name = options?.name;
    if (name !== undefined && !Object.hasOwn(options as object, 'name')) name = undefined;
    // As in asyncio, only unnamed tasks take a number.
    this._name = name === undefined ? ++registry.taskCounter : String(name);
    this._loop._schedule(this);
    this._loop._registerTask(this as Task<unknown>);
  }

  /** The task's name. */
  getName(): string {
    if (typeof this._name === 'number') this._name = `Task-${this._name}`;
    return this._name;
  }

  /** Renames the task. */
  setName(name: unknown): void {
    this._name = String(name);
  }

  /** The coroutine this task drives. */
  getCoro(): Coroutine<T> {
    return this._coro;
  }

  /**
   * Requests cancellation: a CancelledError (with `msg`) is thrown into the coroutine at its
   * suspension point. Returns false if the task is done. Counts toward `cancelling()`.
   */
  override cancel(msg?: string): boolean {
    this._retrieved();
    if (this._state !== PENDING) return false;
    // Re-entered through a future this cancel() is cancelling (gather(t) where t awaits the
    // gather): an await cycle. Throwing into this task is what breaks it.
    if (inCancelWalk(this as Task<unknown>)) {
      this._breakCycle(msg);
      return true;
    }
    this._numCancelsRequested++;
    const waiter = this._futWaiter;
    if (!isTaskWithOwnCancel(waiter)) return this._cancelWaiter(waiter, msg);
    // A chain of tasks awaiting tasks is walked in a loop, not by recursion: a deep chain
    // would overflow the stack, and a cycle (A awaits B awaits A) would never end.
    const depth = cancelWalk.length;
    cancelWalk.push(this as Task<unknown>);
    try {
      let task = this as Task<unknown>;
      let next: Task<unknown> = waiter;
      for (;;) {
        next._retrieved();
        if (next._state !== PENDING) return task._cancelWaiter(null, msg);
        if (inCancelWalk(next)) {
          task._breakCycle(msg);
          return true;
        }
        next._numCancelsRequested++;
        cancelWalk.push(next);
        task = next;
        const after = task._futWaiter;
        if (!isTaskWithOwnCancel(after)) return task._cancelWaiter(after, msg);
        next = after;
      }
    } finally {
      // pop(), not `length = depth`: setting an array's length is a slow path in V8.
      while (cancelWalk.length > depth) cancelWalk.pop();
    }
  }

  /** @internal The end of a cancel() walk: cancel the future waited on, or cancel at the next step. */
  _cancelWaiter(waiter: Future<unknown> | null, msg: string | undefined): boolean {
    if (waiter !== null) {
      cancelWalk.push(this as Task<unknown>);
      try {
        if (waiter.cancel(msg)) return true;
      } finally {
        cancelWalk.pop();
      }
    }
    this._mustCancel = true;
    this._cancelMessage = msg;
    return true;
  }

  /**
   * @internal This task awaits a future that leads back to it (an await cycle, which asyncio
   * turns into a RecursionError): it stops waiting and a CancelledError is thrown into it.
   */
  _breakCycle(msg: string | undefined): void {
    const waiter = this._futWaiter;
    const wakeup = subclassWakeups.get(this as Task<unknown>);
    if (wakeup !== undefined) {
      subclassWakeups.delete(this as Task<unknown>);
      waiter?.removeDoneCallback(wakeup);
    } else if (waiter !== null) waiter._removeWaiter(this as Task<unknown>);
    this._futWaiter = null;
    this._mustCancel = false;
    this._stepException = loopCancelledError(msg ?? '');
    this._loop._schedule(this as Task<unknown>);
  }

  /** How many cancellation requests are pending (asyncio 3.11's `cancelling()`). */
  cancelling(): number {
    return this._numCancelsRequested;
  }

  /** Takes back one cancellation request; returns the number left. */
  uncancel(): number {
    if (this._numCancelsRequested > 0) this._numCancelsRequested--;
    return this._numCancelsRequested;
  }

  /**
   * asyncio's repr, in its order (state, name, wait_for, outcome, callbacks):
   * `<Task pending name='Task-1' wait_for=<Future pending cb=[Task.task_wakeup()]>>`,
   * `<Task finished name='Task-1' result=3>`. An await cycle prints `wait_for=...`.
   */
  override toString(): string {
    return boundedRepr(this, () => {
      const state = this._state;
      let text =
        state === PENDING
          ? this._numCancelsRequested > 0
            ? '<Task cancelling'
            : '<Task pending'
          : state === CANCELLED
            ? '<Task cancelled'
            : '<Task finished';
      text += ` name=${repr(this.getName())}`;
      if (this._futWaiter !== null) text += ` wait_for=${repr(this._futWaiter)}`;
      if (state === RESOLVED) text += ` result=${repr(this._result)}`;
      else if (state === FAILED) text += ` exception=${repr(this._exception)}`;
      const callbacks = this._describeCallbacks();
      return callbacks === '' ? `${text}>` : `${text} ${callbacks}>`;
    });
  }

  /** Tasks are finished by their coroutine only (asyncio raises the same RuntimeError). */
  override setResult(value: T): void {
    void value;
    throw new RuntimeError('Task does not support set_result operation');
  }

  /** Tasks are finished by their coroutine only (asyncio raises the same RuntimeError). */
  override setException(exception: unknown): void {
    void exception;
    throw new RuntimeError('Task does not support set_exception operation');
  }

  /** @internal Run from the ready queue: a wake-up from a future, or a scheduled step. */
  _run(): void {
    try {
      const exception = this._stepException;
      this._stepException = NO_EXCEPTION;
      if (exception === WAKE_UP) this._wakeup(this._futWaiter as Future<unknown>);
      else this._step(exception);
    } catch (exception) {
      this._reportStepFailure(exception);
    }
  }

  /**
   * @internal asyncio's `__wakeup` as a done callback, for a Future subclass that has its own
   * `addDoneCallback`: its `result()` decides what the coroutine is resumed with.
   */
  _wakeupFromCallback(future: Future<unknown>): void {
    // Stale: the task stopped waiting on it (an await cycle was broken).
    if (this._futWaiter !== future || this._state !== PENDING) return;
    subclassWakeups.delete(this as Task<unknown>);
    try {
      let value: unknown;
      let exception: unknown = NO_EXCEPTION;
      try {
        value = future.result();
      } catch (error) {
        exception = error;
      }
      this._step(exception, future._sendsResult ? value : undefined);
    } catch (exception) {
      this._reportStepFailure(exception);
    }
  }

  /** @internal A step that failed inside the loop's machinery, not inside the coroutine. */
  private _reportStepFailure(exception: unknown): void {
    // A KeyboardInterrupt escapes the run at once, as any BaseException does in asyncio.
    if (exception instanceof KeyboardInterrupt) throw exception;
    this._loop.callExceptionHandler({
      message: `Exception in callback ${this}._step()`,
      exception,
      task: this as Task<unknown>,
    });
  }

  /** @internal Resumes the coroutine with the outcome of the future it waited on. */
  _wakeup(future: Future<unknown>): void {
    const state = future._state;
    if (state === RESOLVED) {
      // A bare `yield promise` (host mode) resumes with the value; `yield* fut` reads result().
      this._step(NO_EXCEPTION, future._sendsResult ? future._result : undefined);
    } else if (state === FAILED) {
      future._retrieved();
      this._step(future._exception);
    } else if (state === CANCELLED) {
      this._step(future._makeCancelledError());
    } else {
      this._step(new InvalidStateError(`${future} woke ${this} before it was done`));
    }
  }

  /** @internal One step of the coroutine: asyncio's `Task.__step`. */
  _step(exception: unknown, value?: unknown): void {
    if (this._state !== PENDING) {
      throw new InvalidStateError(`_step(): already done: ${this}, ${repr(exception)}`);
    }
    if (this._executing) {
      throw new RuntimeError(`Task ${this} cannot be stepped while it is already executing`);
    }
    let exc = exception;
    if (this._mustCancel) {
      if (!(exc instanceof CancelledError)) exc = this._makeCancelledError();
      this._mustCancel = false;
    }
    this._futWaiter = null;
    const loop = this._loop;
    const current = loop._currentTask;
    if (current !== null) {
      throw new RuntimeError(
        `Cannot enter into task ${this} while another task ${current} is being executed.`,
      );
    }
    // The step runs in the task's context (instrument hooks included), as asyncio's
    // `context.run(step)`: entering an explicit Context that is already entered throws.
    const context = this._context;
    const previousContext = context === null ? contextState.current : enterContext(context);
    if (context === null) contextState.current = this;
    loop._currentTask = this as Task<unknown>;
    this._executing = true;
    const instruments = loop._instruments;
    if (instruments !== null) loop._notify('beforeTaskStep', this);
    let outcome: IteratorResult<unknown, T> | undefined;
    let thrown: unknown;
    let failed = false;
    try {
      const coro = this._coro;
      if (exc === NO_EXCEPTION) outcome = coro.next(value);
      else {
        const cleanup = (coro as PassesThrough)[THROW_PASSES_THROUGH];
        if (cleanup === undefined) outcome = coro.throw(exc);
        else {
          // What `coro.throw(exc)` would do (brand.ts), without the throw.
          cleanup.call(coro);
          failed = true;
          thrown = exc;
        }
      }
    } catch (error) {
      failed = true;
      thrown = error;
    }
    this._executing = false;
    loop._currentTask = null;
    if (instruments !== null) loop._notify('afterTaskStep', this);
    if (context === null) contextState.current = previousContext;
    else leaveContext(context, previousContext);
    if (failed) {
      if (thrown instanceof CancelledError) {
        this._cancelledExc = thrown;
        super.cancel();
      } else {
        super.setException(thrown);
        // asyncio's Task.__step: a KeyboardInterrupt is stored and also escapes the run at once.
        if (thrown instanceof KeyboardInterrupt) throw thrown;
      }
    } else if ((outcome as IteratorResult<unknown, T>).done) {
      if (this._mustCancel) {
        this._mustCancel = false;
        super.cancel(this._cancelMessage);
      } else {
        super.setResult((outcome as IteratorReturnResult<T>).value);
      }
    } else {
      this._handleYield((outcome as IteratorYieldResult<unknown>).value);
    }
  }

  /** @internal What the coroutine yielded decides how the task goes on. */
  private _handleYield(value: unknown): void {
    const loop = this._loop;
    if (value === undefined) {
      loop._schedule(this);
      return;
    }
    if (value !== null && (value as { [FUTURE_BRAND]?: true })[FUTURE_BRAND] === true) {
      const future = value as Future<unknown>;
      if (future._loop !== loop) {
        this._throwNext(
          new RuntimeError(`Task ${this} got Future ${future} attached to a different loop`),
        );
      } else if (!future._asyncioFutureBlocking) {
        this._throwNext(
          new RuntimeError(`yield was used instead of yield* in task ${this} with ${future}`),
        );
      } else if (future === (this as Future<unknown>)) {
        this._throwNext(new RuntimeError(`Task cannot await on itself: ${this}`));
      } else {
        future._asyncioFutureBlocking = false;
        this._park(future);
      }
      return;
    }
    if (isThenable(value)) {
      const future = loop._adoptPromise(value);
      if (future === null) {
        this._throwNext(
          new RuntimeError(
            `Task ${this} yielded a Promise in a blocking run, where it can never settle (the thread is blocked): use runAsync() to await native promises`,
          ),
        );
        return;
      }
      this._park(future);
      return;
    }
    if (isCoroutine(value)) {
      this._throwNext(
        new RuntimeError(
          `yield was used instead of yield* for generator in task ${this} with ${repr(value)}`,
        ),
      );
      return;
    }
    this._throwNext(new RuntimeError(`Task got bad yield: ${repr(value)}`));
  }

  /** @internal Waits on `future`: woken when it is done (at once if it already is). */
  private _park(future: Future<unknown>): void {
    this._futWaiter = future;
    if (future.addDoneCallback !== BASE_ADD_DONE_CALLBACK) {
      // A subclass's addDoneCallback is honoured, as asyncio's Task always calls it.
      const task = this as Task<unknown>;
      const wakeup = (done: Future<unknown>): void => task._wakeupFromCallback(done);
      subclassWakeups.set(task, wakeup);
      future.addDoneCallback(wakeup);
    } else if (future._state !== PENDING) this._loop._wakeTask(this as Task<unknown>, future);
    else future._addWaiter(this as Task<unknown>);
    if (this._mustCancel && future.cancel(this._cancelMessage)) this._mustCancel = false;
  }

  /** @internal Schedules the next step to throw `error` into the coroutine. */
  private _throwNext(error: Error): void {
    this._stepException = error;
    this._loop._schedule(this);
  }

  /** @internal Unregisters the task and tells instruments, then schedules callbacks. */
  override _complete(): void {
    const loop = this._loop;
    loop._unregisterTask(this as Task<unknown>);
    super._complete();
  }
}

/**
 * @internal Gives a new task its context: `options.context`, or a copy of the current one.
 * Outside the constructor on purpose: V8 sizes objects by the `this.x =` assignments it sees
 * in a constructor, and these two properties are usually left on the prototype.
 */
function takeContext(task: Task<unknown>, options: TaskOptions | undefined): void {
  const context = options?.context;
  if (context != null && Object.hasOwn(options as object, 'context')) {
    task._context = contextOption(options, 'Task');
  } else {
    const vars = currentVars();
    if (vars !== EMPTY_MAP) task._vars = vars;
  }
}

/**
 * The tasks that cancel() calls now on the stack walk through, outermost first: a task met
 * again is in an await cycle. Almost always empty or one or two long.
 */
const cancelWalk: Task<unknown>[] = [];

function inCancelWalk(task: Task<unknown>): boolean {
  return cancelWalk.length > 0 && cancelWalk.includes(task);
}

/** True for a Task whose cancel() is Task's own, so that a cancel() walk may step into it. */
function isTaskWithOwnCancel(future: Future<unknown> | null): future is Task<unknown> {
  return future !== null && future.cancel === Task.prototype.cancel;
}

/** asyncio.current_task: the task running on `loop` (default: the running loop), or null. */
export function currentTask(loop?: EventLoop): Task<unknown> | null {
  const target = loop ?? registry.running;
  if (target === null || target === undefined) throw new RuntimeError('no running event loop');
  return target._currentTask;
}

/** asyncio.all_tasks: the not-yet-done tasks of `loop` (default: the running loop). */
export function allTasks(loop?: EventLoop): Set<Task<unknown>> {
  const target = loop ?? registry.running;
  if (target === null || target === undefined) throw new RuntimeError('no running event loop');
  return new Set(target._tasks);
}

Object.defineProperty(Task.prototype, '_cancelled', { value: false });
defineFlag(Task.prototype, '_mustCancel', MUST_CANCEL);
defineFlag(Task.prototype, '_executing', EXECUTING);
defineCount(Task.prototype, '_numCancelsRequested');
// Defaults on the prototype, not fields: see `_vars`. Writable, so an assignment makes an own property.
Object.defineProperty(Task.prototype, '_vars', { value: EMPTY_MAP, writable: true });
Object.defineProperty(Task.prototype, '_context', { value: null, writable: true });
