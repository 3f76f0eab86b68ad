import type { Clock } from './clock.js';
import { RuntimeError } from './errors.js';
import { EventLoop } from './event-loop.js';
import { Future } from './future.js';
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
}

type RunnerState = 'created' | 'initialized' | 'closed';

/**
 * asyncio.Runner: one loop for several `run()` calls in the same context; `close()` cancels
 * what is left and closes the loop. Usable with `using runner = new Runner()`.
 */
export class Runner {
  private state: RunnerState = 'created';
  private loop: EventLoop | null = null;
  private readonly options: RunOptions;

  /** A runner whose loop is made on first use. */
  constructor(options?: RunOptions) {
    this.options = options ?? {};
  }

  /** Runs `coro` to completion on the runner's loop and returns its result. */
  run<T>(coro: Coroutine<T>, options?: RunnerRunOptions): T {
    if (!isCoroutine(coro)) throw new TypeError(`a coroutine was expected, got ${repr(coro)}`);
    if (registry.running !== null) {
      throw new RuntimeError('Runner.run() cannot be called from a running event loop');
    }
    const loop = this.getLoop();
    const task = loop.createTask(coro, options);
    return loop.runUntilComplete(task);
  }

  /** The runner's loop (made now if needed). */
  getLoop(): EventLoop {
    if (this.state === 'closed') throw new RuntimeError('Runner is closed');
    if (this.loop === null) {
      const { clock, debug, loopFactory } = this.options;
      const loop =
        loopFactory !== undefined ? loopFactory() : new EventLoop(clock === undefined ? {} : { clock });
      if (debug !== undefined) loop.setDebug(debug);
      this.loop = loop;
      this.state = 'initialized';
      if (loopFactory === undefined) setEventLoop(loop);
    }
    return this.loop;
  }

  /** Cancels the tasks left on the loop, waits for them, and closes the loop. */
  close(): void {
    if (this.state !== 'initialized' || this.loop === null) return;
    const loop = this.loop;
    try {
      cancelAllTasks(loop);
    } finally {
      if (this.options.loopFactory === undefined && registry.current === loop) setEventLoop(null);
      loop.close();
      this.loop = null;
      this.state = 'closed';
    }
  }

  /** `using runner = new Runner()` closes it at the end of the block. */
  [Symbol.dispose](): void {
    this.close();
  }
}

/** Cancels every pending task of `loop`, runs the loop until they end, reports failures. */
export function cancelAllTasks(loop: EventLoop): void {
  const tasks = [...loop._tasks];
  if (tasks.length === 0) return;
  for (const task of tasks) task.cancel();
  const allDone = new Future<void>({ loop });
  let left = tasks.length;
  const countDown = (): void => {
    left--;
    if (left === 0 && !allDone.done()) allDone.setResult(undefined);
  };
  for (const task of tasks) task.addDoneCallback(countDown);
  loop.runUntilComplete(allDone);
  for (const task of tasks as Task<unknown>[]) {
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
