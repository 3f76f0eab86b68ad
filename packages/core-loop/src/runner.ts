import type { Context } from '@asyncio-ts/contextvars';
import { currentVars, EMPTY_MAP, type HashMap } from '@asyncio-ts/contextvars/internal';
import { checkClock, checkLoop } from './checks.js';
import type { Clock } from './clock.js';
import { CancelledError, KeyboardInterrupt, RuntimeError } from './errors.js';
import { EventLoop } from './event-loop.js';
import { hasDefaultExecutor } from './executor.js';
import { Future } from './future.js';
import { ownOption } from './options.js';
import { isCoroutine } from './predicates.js';
import { registry } from './registry.js';
import { repr } from './repr.js';
import { setEventLoop } from './running-loop.js';
import type { Task } from './task.js';
import type { Coroutine } from './types.js';

/** Options for `run()` and `new Runner()`. */
export interface RunOptions {
  /** Debug mode for the new loop (default: env `ASYNCIO_TS_DEBUG`). */
  debug?: boolean;
  /** The clock for the new loop, e.g. a VirtualClock (default: real time). */
  clock?: Clock;
  /** Makes the loop instead of `new EventLoop(...)`. */
  loopFactory?: () => EventLoop;
}

/** Options for `Runner.run`. */
export interface RunnerRunOptions {
  /** The main task's name. */
  name?: string;
  /** The Context the main task runs in; default: the runner's own (see `Runner`). */
  context?: Context | null | undefined;
}

type RunnerState = 'created' | 'initialized' | 'closed';

type SignalProcess = {
  on(event: 'SIGINT', listener: () => void): unknown;
  removeListener(event: 'SIGINT', listener: () => void): unknown;
  listenerCount(event: 'SIGINT'): number;
};

/**
 * asyncio.Runner: one loop for several `run()` calls in the same context; `close()` cancels
 * what is left and closes the loop. Usable with `using runner = new Runner()`. The main
 * tasks run in one context, copied when the loop is made: what one run sets, the next sees.
 *
 * @example
 * ```ts
 * import { Runner } from '@asyncio-ts/core-loop';
 * import { sleep } from '@asyncio-ts/timers';
 *
 * using runner = new Runner(); // closed at the end of the block
 * runner.run(sleep(1));
 * runner.run(sleep(1)); // the same loop: runner.getLoop().time() has moved on by 2 s
 * ```
 */
export class Runner {
  private state: RunnerState = 'created';
  private loop: EventLoop | null = null;
  /**
   * The mapping of the runner's context, copied when the loop is made. A main task runs in a
   * copy of it, written back when the run ends (see `keepContext`).
   */
  private vars: HashMap = EMPTY_MAP;
  private readonly options: RunOptions;

  /** A runner whose loop is made on first use. */
  constructor(options?: RunOptions) {
    this.options = options ?? {};
    checkRunOptions(this.options);
  }

  /** Runs `coro` to completion on the runner's loop and returns its result (blocking). */
  run<T>(coro: Coroutine<T>, options?: RunnerRunOptions): T {
    const task = this.startMain(coro, options, 'Runner.run()');
    try {
      return (task.getLoop() as EventLoop).runUntilComplete(task);
    } finally {
      this.keepContext(task, options);
    }
  }

  /**
   * Host mode: runs `coro` on the runner's loop in slices on the JS host, so it may await
   * native promises. Ctrl-C (SIGINT) cancels the main task and the run throws
   * KeyboardInterrupt, as asyncio.Runner does.
   */
  async runAsync<T>(coro: Coroutine<T>, options?: RunnerRunOptions): Promise<T> {
    const task = this.startMain(coro, options, 'Runner.runAsync()');
    const loop = task.getLoop();
    let interrupts = 0;
    // asyncio's Runner._on_sigint: the first Ctrl-C cancels the main task and wakes the loop
    // (callSoonThreadsafe); the listener then leaves, so a second one ends the process.
    const onSigint = (): void => {
      interrupts++;
      unwatchSigint(onSigint);
      if (!task.done()) loop.callSoonThreadsafe(() => task.cancel());
    };
    watchSigint(onSigint);
    try {
      return await loop.runUntilCompleteAsync(task);
    } catch (error) {
      if (interrupts > 0 && error instanceof CancelledError && task.uncancel() === 0) {
        throw new KeyboardInterrupt('interrupted (SIGINT)');
      }
      throw error;
    } finally {
      unwatchSigint(onSigint);
      this.keepContext(task, options);
    }
  }

  /** The runner's loop (made now if needed). */
  getLoop(): EventLoop {
    if (this.state === 'closed') throw new RuntimeError('Runner is closed');
    if (this.loop === null) {
      const clock = ownOption(this.options, 'clock');
      const debug = ownOption(this.options, 'debug');
      const loopFactory = ownOption(this.options, 'loopFactory');
      const loop =
        loopFactory !== undefined
          ? loopFactory()
          : new EventLoop(clock === undefined ? {} : { clock });
      if (loopFactory !== undefined) checkLoop(loop, 'the loop made by loopFactory()');
      if (debug !== undefined) loop.setDebug(debug);
      this.loop = loop;
      this.vars = currentVars();
      this.state = 'initialized';
      if (loopFactory === undefined) setEventLoop(loop);
    }
    return this.loop;
  }

  /** Cancels the tasks left on the loop, waits for them (blocking), and closes the loop. */
  close(): void {
    const loop = this.loop;
    if (this.state !== 'initialized' || loop === null) return;
    try {
      cancelAllTasks(loop);
      // asyncio.Runner.close: then `loop.shutdown_default_executor()`.
      if (hasDefaultExecutor(loop)) loop.runUntilComplete(loop.shutdownDefaultExecutor());
    } finally {
      this.finishClose(loop);
    }
  }

  /** `close()` for host mode: waits for the cancelled tasks on the host. */
  async closeAsync(): Promise<void> {
    const loop = this.loop;
    if (this.state !== 'initialized' || loop === null) return;
    try {
      const pending = cancelPending(loop);
      if (pending !== null) {
        await loop.runUntilCompleteAsync(pending.allDone);
        reportShutdownFailures(loop, pending.tasks);
      }
      if (hasDefaultExecutor(loop)) {
        await loop.runUntilCompleteAsync(loop.shutdownDefaultExecutor());
      }
    } finally {
      this.finishClose(loop);
    }
  }

  /**
   * @internal `close()` after main failed (run() and runAsync()): main's error is the one
   * the caller gets, so a failure of the shutdown goes to the loop's exception handler.
   */
  _closeAfterFailure(): void {
    const loop = this.loop;
    if (this.state !== 'initialized' || loop === null) return;
    try {
      this.close();
    } catch (exception) {
      reportShutdownError(loop, exception);
    }
  }

  /** @internal `_closeAfterFailure` for host mode. */
  async _closeAsyncAfterFailure(): Promise<void> {
    const loop = this.loop;
    if (this.state !== 'initialized' || loop === null) return;
    try {
      await this.closeAsync();
    } catch (exception) {
      reportShutdownError(loop, exception);
    }
  }

  /** `using runner = new Runner()` closes it at the end of the block. */
  [Symbol.dispose](): void {
    this.close();
  }

  /** `await using runner = new Runner()` closes it on the host at the end of the block. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.closeAsync();
  }

  private startMain<T>(
    coro: Coroutine<T>,
    options: RunnerRunOptions | undefined,
    method: string,
  ): Task<T> {
    // asyncio.Runner.run raises ValueError here: RangeError, as every ValueError of asyncio.
    if (!isCoroutine(coro)) throw new RangeError(`a coroutine was expected, got ${repr(coro)}`);
    if (registry.running !== null) {
      throw new RuntimeError(`${method} cannot be called from a running event loop`);
    }
    const loop = this.getLoop();
    if (options?.context != null) return loop.createTask(coro, options);
    const name = options?.name;
    const task = loop.createTask(coro, name === undefined ? undefined : { name });
    // asyncio runs every main task in the runner's one Context. Here the task runs in a copy
    // that `keepContext` writes back: an explicit Context on the first task made would make
    // V8 reserve a slot for it in every Task of the program.
    if (task._vars !== this.vars) task._vars = this.vars;
    return task;
  }

  /** After a run in the runner's context: what the main task set is kept for the next run. */
  private keepContext(task: Task<unknown>, options: RunnerRunOptions | undefined): void {
    if (options?.context == null) this.vars = task._vars;
  }

  private finishClose(loop: EventLoop): void {
    reportLeftoverTasks(loop);
    if (ownOption(this.options, 'loopFactory') === undefined && registry.current === loop)
      setEventLoop(null);
    loop.close();
    this.loop = null;
    this.state = 'closed';
  }
}

/** TypeErrors at the call for options that would only fail later, inside the run. */
function checkRunOptions(options: RunOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object like { clock, debug }, got ${repr(options)}`);
  }
  const clock = ownOption(options, 'clock');
  if (clock !== undefined) checkClock(clock, 'options.clock');
  const loopFactory = ownOption(options, 'loopFactory');
  if (loopFactory !== undefined && typeof loopFactory !== 'function') {
    throw new TypeError(`options.loopFactory must be a function, got ${repr(loopFactory)}`);
  }
}

/** The runs that take Ctrl-C, and the one SIGINT listener they share (every run is told). */
const sigintRuns = new Set<() => void>();

function onProcessSigint(): void {
  for (const run of [...sigintRuns]) run();
}

/**
 * Registers a run's SIGINT handler. Like asyncio, the runs take over SIGINT only where
 * nobody else handles it: the shared listener is installed when the first run starts and
 * no other listener is there.
 */
function watchSigint(handler: () => void): void {
  const proc = signalProcess();
  if (proc === null) return;
  if (sigintRuns.size === 0) {
    if (proc.listenerCount('SIGINT') > 0) return;
    proc.on('SIGINT', onProcessSigint);
  }
  sigintRuns.add(handler);
}

function unwatchSigint(handler: () => void): void {
  if (!sigintRuns.delete(handler) || sigintRuns.size > 0) return;
  signalProcess()?.removeListener('SIGINT', onProcessSigint);
}

function signalProcess(): SignalProcess | null {
  const candidate = (globalThis as { process?: Partial<SignalProcess> }).process;
  return candidate !== undefined &&
    typeof candidate.on === 'function' &&
    typeof candidate.removeListener === 'function' &&
    typeof candidate.listenerCount === 'function'
    ? (candidate as SignalProcess)
    : null;
}

interface PendingShutdown {
  tasks: Task<unknown>[];
  allDone: Future<void>;
}

/** Cancels every pending task of `loop`; the future is done when all of them are. */
function cancelPending(loop: EventLoop): PendingShutdown | null {
  const tasks = [...loop._tasks];
  if (tasks.length === 0) return null;
  for (const task of tasks) task.cancel();
  const allDone = new Future<void>({ loop });
  let left = tasks.length;
  const countDown = (): void => {
    left--;
    if (left === 0 && !allDone.done()) allDone.setResult(undefined);
  };
  for (const task of tasks) task.addDoneCallback(countDown);
  return { tasks, allDone };
}

/** A shutdown that failed after main failed: reported, since main's error is thrown. */
function reportShutdownError(loop: EventLoop, exception: unknown): void {
  loop.callExceptionHandler({
    message:
      'Exception in run() shutdown, after the main task failed (its error is the one thrown)',
    exception,
  });
}

/**
 * Tasks still pending when the loop closes, such as one started by a task's cleanup during
 * the shutdown: asyncio reports them when they are destroyed, with the same message.
 */
function reportLeftoverTasks(loop: EventLoop): void {
  if (loop._tasks.size === 0) return;
  for (const task of [...loop._tasks]) {
    if (task.done()) continue;
    loop.callExceptionHandler({ message: 'Task was destroyed but it is pending!', task });
  }
}

/** Reports the tasks that ended with an exception other than cancellation during shutdown. */
function reportShutdownFailures(loop: EventLoop, tasks: Task<unknown>[]): void {
  for (const task of tasks) {
    if (task.cancelled()) continue;
    const exception = task.exception();
    if (exception !== null) {
      loop.callExceptionHandler({
        message: 'unhandled exception during run() shutdown',
        exception,
        task,
      });
    }
  }
}

/** Cancels every pending task of `loop`, runs the loop until they end, reports failures. */
export function cancelAllTasks(loop: EventLoop): void {
  const pending = cancelPending(loop);
  if (pending === null) return;
  loop.runUntilComplete(pending.allDone);
  reportShutdownFailures(loop, pending.tasks);
}
