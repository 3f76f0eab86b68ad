import type { Context } from '@asyncio-ts/contextvars';
import {
  type ContextOwner,
  contextState,
  EMPTY_MAP,
  type HashMap,
} from '@asyncio-ts/contextvars/internal';
import { blockFor, canBlock } from './blocking-wait.js';
import { LOOP_BRAND } from './brand.js';
import { type CallOptions, contextOption, isCallOptions } from './call-options.js';
import { checkCallback, checkClock, checkInstrument, checkSeconds } from './checks.js';
import { type Clock, defaultClock, MonotonicClock } from './clock.js';
import { runCloseCallbacks } from './close-callbacks.js';
import { ensureFuture } from './ensure-future.js';
import { readEnvironment } from './environment.js';
import { RuntimeError } from './errors.js';
import {
  type ExceptionContext,
  type ExceptionHandler,
  formatExceptionContext,
} from './exception-context.js';
import {
  closeDefaultExecutor,
  type Executor,
  type ModuleSpecifier,
  runInExecutor,
  setDefaultExecutor,
  shutdownDefaultExecutor,
} from './executor.js';
import { Future } from './future.js';
import { Handle, TimerHandle } from './handle.js';
import { runUntilCompleteAsync } from './host-mode.js';
import type { Instrument } from './instrument.js';
import { ownOption } from './options.js';
import { isFuture } from './predicates.js';
import { type QueuedCall, ReadyQueue } from './ready-queue.js';
import { NOT_HANDLED } from './reentry.js';
import { registry } from './registry.js';
import { repr } from './repr.js';
import { checkRunDepth, RunFrame } from './run-frame.js';
import { Task, type TaskOptions, WAKE_UP } from './task.js';
import { TaskList } from './task-list.js';
import { TimerHeap } from './timer-heap.js';
import type { Awaitable, Coroutine } from './types.js';
import { reportUnretrievedAtClose } from './unretrieved.js';
import { describeAbandoned, type WakeState } from './wake.js';

/** Options for `new EventLoop()`. */
export interface EventLoopOptions {
  /** Where time comes from; default: the real monotonic clock. A VirtualClock makes time instant. */
  clock?: Clock;
  /** Debug mode (slow callbacks are reported); default: env `ASYNCIO_TS_DEBUG=1`. */
  debug?: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: callbacks take the arguments they were scheduled with
type Callback<A extends unknown[]> = (...args: A) => any;
// biome-ignore lint/suspicious/noExplicitAny: the implementation side of the overloads above
type AnyCallback = (...args: any[]) => unknown;

// Rebuild the timer heap when more than half of over 100 timers are cancelled (asyncio's rule).
const MIN_SCHEDULED_TIMER_HANDLES = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;
// Timers due within this much of now are run now: asyncio's `_clock_resolution`.
const CLOCK_RESOLUTION = 1e-9;

function debugFromEnvironment(): boolean {
  const value = readEnvironment('ASYNCIO_TS_DEBUG');
  return value !== undefined && value !== '' && value !== '0';
}

/**
 * asyncio's event loop (BaseEventLoop): a ready queue of callbacks, a heap of timers and a
 * clock. `runForever()` and `runUntilComplete()` block the thread while they wait for the
 * next timer (Atomics.wait), exactly like Python; host mode cooperates with the JS host.
 */
export class EventLoop {
  /** Seconds a callback may run before debug mode reports it as slow (asyncio's default 0.1). */
  slowCallbackDuration = 0.1;
  /** @internal */
  readonly _clock: Clock;
  /** @internal */
  readonly _ready = new ReadyQueue();
  /** @internal */
  readonly _timers = new TimerHeap();
  /** @internal */
  _timerCancelledCount = 0;
  /** @internal */
  _timerSeq = 0;
  /** @internal */
  _stopping = false;
  /** @internal */
  _running = false;
  /** @internal */
  _closed = false;
  /** @internal */
  _debug: boolean;
  /** @internal */
  _exceptionHandler: ExceptionHandler | null = null;
  /** @internal The task whose step is executing. */
  _currentTask: Task<unknown> | null = null;
  /** @internal Tasks not yet done. */
  readonly _tasks = new TaskList();
  /** @internal Null when no instrument is attached, so the hot path pays one check. */
  _instruments: Instrument[] | null = null;
  /** @internal Futures whose exception nobody has retrieved yet, held weakly. */
  readonly _unretrieved = new Set<WeakRef<Future<unknown>>>();
  /** @internal What runUntilComplete waits on, for the deadlock message. */
  _waitingOn: Future<unknown> | null = null;
  /** @internal How many runs of this loop are in progress (nested runs count each). */
  _runDepth = 0;
  /** @internal Set in host mode: adopts native promises and wakes the host driver. */
  _host: HostBridge | null = null;
  /** @internal The wake cell, wake sources and outside work (wake.ts); null until used. */
  _wake: WakeState | null = null;
  /** @internal `{ loop: this }`, the options of every task createTask() makes (made once). */
  readonly _ownLoop: TaskOptions = { loop: this };

  /** A new loop, not running; `options.clock` replaces the real clock. */
  constructor(options?: EventLoopOptions) {
    const clock = ownOption(options, 'clock');
    if (clock !== undefined) checkClock(clock, 'new EventLoop(): options.clock');
    this._clock = clock ?? defaultClock;
    this._debug = ownOption(options, 'debug') ?? debugFromEnvironment();
  }

  /** The loop's clock, in seconds (asyncio's `loop.time()`). */
  time(): number {
    return this._clock.now();
  }

  /** The clock this loop reads. */
  getClock(): Clock {
    return this._clock;
  }

  /**
   * Schedules `callback(...args)` for the next iteration; FIFO among callSoon calls. It runs
   * in a copy of the current context, or in `options.context` (asyncio's `context=`).
   */
  callSoon<A extends unknown[]>(callback: Callback<A>, ...args: A): Handle;
  /** callSoon in an explicit context: `loop.callSoon({ context }, cb, ...args)` (asyncio's `context=`). */
  callSoon<A extends unknown[]>(options: CallOptions, callback: Callback<A>, ...args: A): Handle;
  callSoon(callback: AnyCallback | CallOptions): Handle {
    if (isCallOptions(callback)) {
      // biome-ignore lint/complexity/noArguments: the rare `{ context }` form, off the hot path
      return this._withContext(callback, 'callSoon', this.callSoon, arguments, 0);
    }
    checkCallback(callback, 'callSoon');
    this._checkClosed();
    // `arguments` instead of a rest parameter: no array is allocated for 0 or 1 argument.
    // biome-ignore lint/complexity/noArguments: the hot path's allocation matters here
    const argc = arguments.length - 1;
    const args =
      // biome-ignore lint/complexity/noArguments: see above
      argc === 0 ? undefined : argc === 1 ? arguments[1] : Array.prototype.slice.call(arguments, 1);
    const handle = new Handle(callback, argc, args, this);
    this._ready.push(handle);
    if (this._host !== null) this._host.wake();
    return handle;
  }

  /**
   * callSoon for code that runs outside the loop's callbacks: a host callback, a signal
   * listener, a wake source draining what another thread sent. Also wakes the loop if it is
   * waiting (host mode) and marks its wake cell, as asyncio's `_write_to_self`. Another thread
   * cannot hold the loop object: it wakes the loop with `notifyWakeCell` (core-loop/internal).
   */
  callSoonThreadsafe<A extends unknown[]>(callback: Callback<A>, ...args: A): Handle;
  /** callSoonThreadsafe in an explicit context: `{ context }` before the callback. */
  callSoonThreadsafe<A extends unknown[]>(
    options: CallOptions,
    callback: Callback<A>,
    ...args: A
  ): Handle;
  callSoonThreadsafe(...all: unknown[]): Handle {
    const handle = (this.callSoon as (...a: unknown[]) => Handle)(...all);
    const wake = this._wake;
    if (wake !== null) wake.notifyHere();
    return handle;
  }

  /**
   * Schedules `callback(...args)` to run `delay` seconds from now (negative means now), in a
   * copy of the current context or in `options.context`.
   */
  callLater<A extends unknown[]>(delay: number, callback: Callback<A>, ...args: A): TimerHandle;
  /** callLater in an explicit context: `loop.callLater(delay, { context }, cb, ...args)`. */
  callLater<A extends unknown[]>(
    delay: number,
    options: CallOptions,
    callback: Callback<A>,
    ...args: A
  ): TimerHandle;
  callLater(delay: number, callback: AnyCallback | CallOptions): TimerHandle {
    if (isCallOptions(callback)) {
      // biome-ignore lint/complexity/noArguments: the rare `{ context }` form, off the hot path
      return this._withContext(callback, 'callLater', this.callLater, arguments, 1) as TimerHandle;
    }
    checkSeconds(delay, 'callLater() delay');
    checkCallback(callback, 'callLater');
    // biome-ignore lint/complexity/noArguments: no array for 0 or 1 argument (see callSoon)
    const argc = arguments.length - 2;
    const args =
      // biome-ignore lint/complexity/noArguments: see above
      argc === 0 ? undefined : argc === 1 ? arguments[2] : Array.prototype.slice.call(arguments, 2);
    return this._addTimer(this.time() + delay, callback, argc, args);
  }

  /**
   * Schedules `callback(...args)` at the absolute time `when` of the loop's clock, in a copy
   * of the current context or in `options.context`.
   */
  callAt<A extends unknown[]>(when: number, callback: Callback<A>, ...args: A): TimerHandle;
  /** callAt in an explicit context: `loop.callAt(when, { context }, cb, ...args)`. */
  callAt<A extends unknown[]>(
    when: number,
    options: CallOptions,
    callback: Callback<A>,
    ...args: A
  ): TimerHandle;
  callAt(when: number, callback: AnyCallback | CallOptions): TimerHandle {
    if (isCallOptions(callback)) {
      // biome-ignore lint/complexity/noArguments: the rare `{ context }` form, off the hot path
      return this._withContext(callback, 'callAt', this.callAt, arguments, 1) as TimerHandle;
    }
    checkSeconds(when, 'callAt() when');
    checkCallback(callback, 'callAt');
    // biome-ignore lint/complexity/noArguments: no array for 0 or 1 argument (see callSoon)
    const argc = arguments.length - 2;
    const args =
      // biome-ignore lint/complexity/noArguments: see above
      argc === 0 ? undefined : argc === 1 ? arguments[2] : Array.prototype.slice.call(arguments, 2);
    return this._addTimer(when, callback, argc, args);
  }

  /**
   * @internal The `{ context }` form of callSoon/callLater/callAt: schedules without the
   * options (at position `index` of `all`), then gives the handle the Context to enter.
   */
  private _withContext(
    options: CallOptions,
    method: string,
    schedule: (...args: never[]) => Handle,
    all: IArguments,
    index: number,
  ): Handle {
    const context = contextOption(options, method);
    const rest = Array.prototype.slice.call(all);
    rest.splice(index, 1);
    const handle = (schedule as (...args: unknown[]) => Handle).apply(this, rest);
    handle._context = context;
    return handle;
  }

  /** @internal Puts a timer in the heap. */
  private _addTimer(when: number, callback: AnyCallback, argc: number, args: unknown): TimerHandle {
    this._checkClosed();
    const timer = new TimerHandle(when, this._timerSeq++, callback, argc, args, this);
    timer._scheduled = true;
    this._timers.push(timer);
    if (this._host !== null) this._host.wake();
    return timer;
  }

  /** asyncio's `loop.create_future()`. */
  createFuture<T = unknown>(): Future<T> {
    return new Future<T>({ loop: this });
  }

  /**
   * asyncio's `loop.create_task(coro, name=..., context=...)`: schedules the coroutine's first
   * step. The task runs in a copy of the current context, or in `options.context`.
   */
  createTask<T>(coro: Coroutine<T>, options?: Omit<TaskOptions, 'loop'>): Task<T> {
    this._checkClosed();
    if (options === undefined) return new Task(coro, this._ownLoop);
    const taskOptions: TaskOptions = { loop: this };
    const name = ownOption(options, 'name');
    if (name !== undefined) taskOptions.name = name;
    const context = ownOption(options, 'context');
    if (context !== undefined) taskOptions.context = context;
    return new Task(coro, taskOptions);
  }

  /**
   * asyncio's `loop.run_in_executor`: runs `exportName(...args)` from `module` in `executor`
   * (null: the loop's default ThreadPoolExecutor, from @asyncio-ts/threads) and returns a
   * future of this loop. Cancelling it cancels the work if it has not started.
   * @example const digest = yield* loop.runInExecutor(null, new URL('./hash.js', import.meta.url), 'sha256', data);
   */
  runInExecutor<T = unknown>(
    executor: Executor | null,
    module: ModuleSpecifier,
    exportName: string,
    ...args: unknown[]
  ): Future<T> {
    return runInExecutor<T>(this, executor, module, exportName, args);
  }

  /** asyncio's `loop.set_default_executor`: the executor `runInExecutor(null, ...)` uses. */
  setDefaultExecutor(executor: Executor): void {
    setDefaultExecutor(this, executor);
  }

  /** asyncio's `loop.shutdown_default_executor()`: waits until its workers have stopped. */
  shutdownDefaultExecutor(): Coroutine<void> {
    return shutdownDefaultExecutor(this);
  }

  /**
   * Runs until `awaitable` is done and returns its result (or throws its exception). A
   * coroutine is wrapped in a Task. Blocks the thread between timers.
   */
  runUntilComplete<T>(awaitable: Awaitable<T>): T {
    this._checkClosed();
    if (this._running || registry.running !== null) {
      checkRunDepth(this);
      const hooks = registry.reentry;
      if (hooks !== null) {
        const value = hooks.runUntilComplete(this, awaitable);
        if (value !== NOT_HANDLED) return value as T;
      }
      this._checkRunning();
    }
    this._checkCanBlock();
    const newTask = !isFuture(awaitable);
    const future = ensureFuture(awaitable, { loop: this });
    const frame = RunFrame.enter(this, future as Future<unknown>);
    try {
      this._runUntilStopped();
    } catch (error) {
      // The loop failed; a task we made must not also report "exception never retrieved".
      if (newTask && future.done() && !future.cancelled()) future.exception();
      throw error;
    } finally {
      frame.exit();
    }
    if (!future.done()) throw new RuntimeError('Event loop stopped before Future completed.');
    return future.result();
  }

  /**
   * Host mode: `runUntilComplete` run in slices on the JS host's event loop, so coroutines
   * may `yield` native promises and host I/O is delivered while the loop waits.
   */
  runUntilCompleteAsync<T>(awaitable: Awaitable<T> | PromiseLike<T>): Promise<T> {
    return runUntilCompleteAsync(this, awaitable);
  }

  /** Runs iterations until `stop()` is called (asyncio's `run_forever`). */
  runForever(): void {
    this._checkClosed();
    if (this._running || registry.running !== null) {
      checkRunDepth(this);
      const hooks = registry.reentry;
      if (hooks !== null && hooks.runForever(this) !== NOT_HANDLED) return;
      this._checkRunning();
    }
    this._checkCanBlock();
    const frame = RunFrame.enter(this, null);
    try {
      this._runUntilStopped();
    } finally {
      frame.exit();
    }
  }

  /**
   * @internal A blocking run on real time where the thread cannot block (a browser main
   * thread) refuses before anything runs, not at its first wait for a timer, half-way through.
   */
  private _checkCanBlock(): void {
    if (this._clock instanceof MonotonicClock && !canBlock()) {
      throw new RuntimeError(
        'cannot block this thread: Atomics.wait is not allowed here (as on a browser main thread), and a blocking run on real time waits between timers; use runAsync() to run the loop on the host',
      );
    }
  }

  /** @internal The blocking run's body: iterations until `stop()`. */
  private _runUntilStopped(): void {
    for (;;) {
      this._runOnce();
      if (this._stopping) break;
    }
  }

  /** Stops `runForever` after the current iteration (before it, it runs one iteration). */
  stop(): void {
    this._stopping = true;
    // From a host callback, a waiting host-mode run must notice at once.
    if (this._host !== null) this._host.wake();
  }

  /** True while the loop runs (`runForever`, `runUntilComplete`, or a host-mode run). */
  isRunning(): boolean {
    return this._running;
  }

  /** True once `close()` was called. */
  isClosed(): boolean {
    return this._closed;
  }

  /**
   * Closes the loop: pending callbacks and timers are dropped; exceptions of futures that
   * nobody retrieved are reported to the exception handler. A running loop cannot be closed.
   */
  close(): void {
    if (this._running) throw new RuntimeError('Cannot close a running event loop');
    if (this._closed) return;
    runCloseCallbacks(this);
    this._reportUnretrieved();
    this._closed = true;
    closeDefaultExecutor(this);
    this._ready.clear();
    for (const timer of this._timers.items) timer._scheduled = false;
    this._timers.clear();
    this._timerCancelledCount = 0;
    if (registry.current === this) registry.current = null;
  }

  /** Sets the exception handler (`null` restores the default). */
  setExceptionHandler(handler: ExceptionHandler | null): void {
    if (handler !== null && typeof handler !== 'function') {
      throw new TypeError(`A callable object or null is expected, got ${repr(handler)}`);
    }
    this._exceptionHandler = handler;
  }

  /** The handler set with `setExceptionHandler`, or null. */
  getExceptionHandler(): ExceptionHandler | null {
    return this._exceptionHandler;
  }

  /**
   * Reports `context` to the exception handler (or the default one). An exception thrown by
   * the handler itself is reported by the default handler; nothing is swallowed.
   */
  callExceptionHandler(context: ExceptionContext): void {
    const handler = this._exceptionHandler;
    if (handler === null) {
      this.defaultExceptionHandler(context);
      return;
    }
    try {
      handler(this, context);
    } catch (exception) {
      this.defaultExceptionHandler({
        message: 'Unhandled error in exception handler',
        exception,
        context,
      });
    }
  }

  /** asyncio's default handler: logs the message, the context and the stack (console.error). */
  defaultExceptionHandler(context: ExceptionContext): void {
    console.error(formatExceptionContext(context));
  }

  /** True in debug mode. */
  getDebug(): boolean {
    return this._debug;
  }

  /** Turns debug mode on or off. */
  setDebug(enabled: boolean): void {
    this._debug = Boolean(enabled);
  }

  /** Attaches an instrument (see `Instrument`). */
  addInstrument(instrument: Instrument): void {
    checkInstrument(instrument);
    if (this._instruments === null) this._instruments = [instrument];
    else if (!this._instruments.includes(instrument)) this._instruments.push(instrument);
  }

  /** Detaches an instrument; returns false if it was not attached. */
  removeInstrument(instrument: Instrument): boolean {
    const instruments = this._instruments;
    if (instruments === null) return false;
    const index = instruments.indexOf(instrument);
    if (index < 0) return false;
    instruments.splice(index, 1);
    if (instruments.length === 0) this._instruments = null;
    return true;
  }

  /**
   * @internal Calls `hook` on every attached instrument. One that throws is detached and
   * reported to the exception handler (trio's rule), so it cannot corrupt a task step.
   */
  _notify(hook: keyof Instrument, arg: unknown): void {
    const instruments = this._instruments;
    if (instruments === null) return;
    for (const instrument of instruments.length === 1 ? instruments : [...instruments]) {
      try {
        // Read inside the try: a getter that throws is the instrument's failure too.
        const fn = instrument[hook] as ((this: Instrument, arg: unknown) => void) | undefined;
        if (fn !== undefined) fn.call(instrument, arg);
      } catch (exception) {
        this.removeInstrument(instrument);
        this.callExceptionHandler({
          message: `Exception in instrument hook ${hook}() (the instrument was removed)`,
          exception,
          instrument,
        });
      }
    }
  }

  /** `<EventLoop running=false closed=false debug=false>`, as asyncio's repr. */
  toString(): string {
    return `<EventLoop running=${this._running} closed=${this._closed} debug=${this._debug}>`;
  }

  // ---- the iteration (asyncio's _run_once), shared by blocking, host and nested runs ----

  /**
   * @internal One blocking iteration: waits (blocking the thread) for the next timer when
   * nothing is ready, moves due timers to the ready queue, runs what was ready.
   */
  _runOnce(): void {
    const wake = this._wake;
    if (wake !== null) wake.poll();
    const timeout = this._computeTimeout();
    if (timeout > 0) this._idleBlocking(timeout);
    this._runReady();
  }

  /**
   * @internal Drops cancelled timers, then says how long the loop may wait: 0 when something
   * is ready or the loop is stopping, Infinity when nothing at all is scheduled.
   */
  _computeTimeout(): number {
    const timers = this._timers;
    const count = timers.size;
    if (
      count > MIN_SCHEDULED_TIMER_HANDLES &&
      this._timerCancelledCount / count > MIN_CANCELLED_TIMER_HANDLES_FRACTION
    ) {
      timers.filter((timer) => {
        if (timer._cancelled) timer._scheduled = false;
        return !timer._cancelled;
      });
      this._timerCancelledCount = 0;
    } else {
      let top = timers.peek();
      while (top?._cancelled) {
        this._timerCancelledCount--;
        timers.pop()._scheduled = false;
        top = timers.peek();
      }
    }
    if (this._ready.length > 0 || this._stopping) return 0;
    const top = timers.peek();
    if (top === undefined) return Number.POSITIVE_INFINITY;
    const timeout = top._when - this._clock.now();
    return Math.max(timeout, 0);
  }

  /**
   * @internal Blocks the thread until the next timer, through the clock; with a wake cell,
   * until it is notified too (and, while outside work is outstanding, with no timer at all).
   */
  _idleBlocking(timeout: number): void {
    const wake = this._wake;
    const outside = wake?.outsidePending() === true;
    if (timeout === Number.POSITIVE_INFINITY && !outside) throw this._deadlockError();
    const instruments = this._instruments;
    if (instruments !== null) this._notify('beforeIdle', timeout);
    if (wake === null) {
      const deadline = (this._timers.peek() as TimerHandle)._when;
      blockFor(this._clock.idleUntil(deadline));
    } else {
      wake.block(wake.streak.realWait(this, timeout, outside));
      if (wake.poll()) wake.streak.reset();
    }
    if (instruments !== null) this._notify('afterIdle', undefined);
  }

  /** @internal The error a blocking run throws instead of waiting forever. */
  _deadlockError(): RuntimeError {
    const waiting = this._waitingOn;
    const what =
      waiting === null
        ? 'runForever() has nothing scheduled'
        : `runUntilComplete() waits on ${waiting}`;
    // A timer at +Infinity is scheduled but never due: say so rather than "no timer".
    const timers =
      this._timers.size > 0 ? 'the only timers are due at Infinity' : 'no timer is scheduled';
    return new RuntimeError(
      `Event loop would block forever: ${what}, but no callback is ready, ${timers} and nothing outside the loop can wake it (deadlock)${describeAbandoned(this)}`,
    );
  }

  /** @internal Moves due timers to the ready queue and runs exactly what is ready now. */
  _runReady(): void {
    const timers = this._timers;
    const ready = this._ready;
    if (timers.size > 0) {
      // Compare the distance, not `_when < now + resolution`: past 2^24 s, `now + 1e-9` is
      // `now` itself, and a timer due exactly now would never run (the loop would spin).
      const now = this._clock.now();
      let top = timers.peek();
      while (top !== undefined && top._when - now < CLOCK_RESOLUTION) {
        timers.pop();
        top._scheduled = false;
        if (top._cancelled) this._timerCancelledCount--;
        else ready.push(top);
        top = timers.peek();
      }
    }
    let todo = ready.length;
    if (this._debug) {
      this._runReadyDebug(todo);
      return;
    }
    // `ready.length` is checked too: a nested run (nest-patch) may have consumed entries.
    while (todo > 0 && ready.length > 0) {
      const entry = ready.shift();
      if (typeof entry === 'function') {
        todo -= 2;
        this._runCall(entry, ready.shiftedArgument);
      } else {
        todo--;
        if (!entry._cancelled) entry._run();
      }
    }
  }

  /**
   * @internal Runs a done callback queued without a Handle (`_scheduleDoneCallback`) exactly
   * as its Handle would: in a fresh empty context, an exception to the exception handler.
   */
  _runCall(callback: QueuedCall, argument: unknown): void {
    const state = contextState;
    const previous = state.current;
    // The fresh empty context the Handle was: its own object, as a token made in it must not
    // be accepted by another callback's reset() (a short-lived 32 B, not a kept 64 B Handle).
    state.current = { _vars: EMPTY_MAP } as ContextOwner;
    try {
      (callback as (argument: unknown) => unknown)(argument);
    } catch (exception) {
      // As in asyncio, the handler runs outside the callback's context.
      state.current = previous;
      new Handle(callback as AnyCallback, 1, argument, this, EMPTY_MAP)._reportException(exception);
      return;
    }
    state.current = previous;
  }

  /** @internal The same as `_runReady`'s loop, timing each entry to report slow ones. */
  private _runReadyDebug(count: number): void {
    const ready = this._ready;
    let todo = count;
    while (todo > 0 && ready.length > 0) {
      const shifted = ready.shift();
      todo -= typeof shifted === 'function' ? 2 : 1;
      const entry =
        typeof shifted === 'function'
          ? new Handle(shifted as AnyCallback, 1, ready.shiftedArgument, this, EMPTY_MAP)
          : shifted;
      if (entry._cancelled) continue;
      const started = this._clock.now();
      entry._run();
      const took = this._clock.now() - started;
      if (took >= this.slowCallbackDuration) {
        console.warn(`Executing ${entry} took ${took.toFixed(3)} seconds`);
      }
    }
  }

  // ---- hooks used by Future, Task and TimerHandle ----

  /** @internal Queues a task's next step. */
  _schedule(task: Task<unknown>): void {
    this._checkClosed();
    this._ready.push(task);
    if (this._host !== null) this._host.wake();
  }

  /**
   * @internal Schedules a future's done callback `callback(future)` (no argument array), in a
   * copy of `vars` (the context when the callback was added) or in `context`.
   */
  _scheduleDoneCallback(
    callback: (future: Future<unknown>) => void,
    future: Future<unknown>,
    vars: HashMap,
    context: Context | null,
  ): void {
    this._checkClosed();
    if (vars === EMPTY_MAP && context === null) {
      // Nothing can see or cancel a done callback's Handle: none is made (ready-queue.ts).
      this._ready.pushCall(callback, future);
    } else {
      const handle = new Handle(callback, 1, future, this, vars);
      if (context !== null) handle._context = context;
      this._ready.push(handle);
    }
    if (this._host !== null) this._host.wake();
  }

  /** @internal Queues a task parked on `future`, which is now done. */
  _wakeTask(task: Task<unknown>, future: Future<unknown>): void {
    this._checkClosed();
    // The task is parked on `future`; its next step reads the outcome from `_futWaiter`.
    task._futWaiter = future;
    task._stepException = WAKE_UP;
    this._ready.push(task);
    if (this._host !== null) this._host.wake();
  }

  /** @internal */
  _registerTask(task: Task<unknown>): void {
    this._tasks.add(task);
    const instruments = this._instruments;
    if (instruments !== null) this._notify('taskSpawned', task);
  }

  /** @internal */
  _unregisterTask(task: Task<unknown>): void {
    this._tasks.delete(task);
    const instruments = this._instruments;
    if (instruments !== null) this._notify('taskExited', task);
  }

  /** @internal */
  _timerHandleCancelled(timer: TimerHandle): void {
    if (timer._scheduled) this._timerCancelledCount++;
  }

  /** @internal A future that follows a native promise, or null in a blocking run. */
  _adoptPromise(thenable: PromiseLike<unknown>): Future<unknown> | null {
    return this._host === null ? null : this._host.adopt(thenable);
  }

  /** @internal */
  _checkClosed(): void {
    if (this._closed) throw new RuntimeError('Event loop is closed');
  }

  /** @internal asyncio's `_check_running`. */
  _checkRunning(): void {
    if (this._running) throw new RuntimeError('This event loop is already running');
    if (registry.running !== null) {
      throw new RuntimeError('Cannot run the event loop while another loop is running');
    }
  }

  /** @internal Reports, once, every exception that nobody retrieved. */
  _reportUnretrieved(): void {
    reportUnretrievedAtClose(this);
  }
}

/** What host mode plugs into a loop while it runs on the host (through `/internal`). */
export interface HostBridge {
  /** Something was scheduled: a waiting host driver must run the loop again. */
  wake(): void;
  /** A future that settles with the native promise. */
  adopt(thenable: PromiseLike<unknown>): Future<unknown>;
  /**
   * Runs `callback(arg)` from a host callback; if it wakes the waiting loop, the loop's next
   * slice runs as soon as it returns instead of in a microtask.
   */
  deliver<A>(callback: (arg: A) => void, arg: A): void;
}

Object.defineProperty(EventLoop.prototype, LOOP_BRAND, { value: true });

registry.makeLoop ??= () => new EventLoop();
