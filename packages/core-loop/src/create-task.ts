import { getRunningLoop } from './running-loop.js';
import type { Task, TaskOptions } from './task.js';
import type { Coroutine } from './types.js';

/** Options for the top-level `createTask()`. */
export type CreateTaskOptions = Omit<TaskOptions, 'loop'>;

/**
 * asyncio.create_task: wraps `coro` in a Task on the running loop and schedules its first
 * step. Throws `RuntimeError('no running event loop')` outside a running loop (use
 * `loop.createTask` there). Keep a reference to the task: like asyncio's, it is awaited or
 * cancelled only through it.
 *
 * @example
 * ```ts
 * import { createTask, run } from '@asyncio-ts/core-loop';
 * import { sleep } from '@asyncio-ts/timers';
 *
 * run(function* () {
 *   const task = createTask(sleep(1, 'done'), { name: 'sleeper' });
 *   console.log(task.getName()); // 'sleeper'
 *   console.log(yield* task); // 'done', one second later
 * });
 * ```
 */
export function createTask<T>(coro: Coroutine<T>, options?: CreateTaskOptions): Task<T> {
  return getRunningLoop().createTask(coro, options);
}
