/** asyncio.TaskGroup (3.11): structured concurrency for a block of code. */
import {
  CancelledError,
  type Coroutine,
  currentTask,
  type EventLoop,
  type Future,
  getRunningLoop,
  isCoroutine,
  KeyboardInterrupt,
  RuntimeError,
  type Task,
  type TaskOptions,
} from '@asyncio-ts/core-loop';
import { ownOption, watchAwaited } from '@asyncio-ts/core-loop/internal';
import { describe, failed } from './awaitable.js';
import { ExceptionGroup } from './exception-group.js';

/** Options of `tg.createTask()`. */
export interface TaskGroupTaskOptions {
  /** The task's name. */
  name?: string;
  /** The Context the task runs in (asyncio's `context=`); default: a copy of the current one. */
  context?: TaskOptions['context'];
}

/**
 * asyncio.TaskGroup: the group handed to a `taskGroup()` body. Its tasks run concurrently;
 * the body's block waits for all of them; the first failure cancels the rest and the body.
 */
export class TaskGroup {
  private entered = false;
  private exiting = false;
  private aborting = false;
  private loop: EventLoop | null = null;
  private parentTask: Task<unknown> | null = null;
  private parentCancelRequested = false;
  private readonly tasks = new Set<Task<unknown>>();
  private errors: unknown[] = [];
  private baseError: unknown = undefined;
  private hasBaseError = false;
  private onCompletedFuture: Future<boolean> | null = null;
  private readonly onTaskDone = (task: Future<unknown>): void =>
    this.taskDone(task as Task<unknown>);

  /** asyncio's TaskGroup.create_task: a task of this group, running `coro` concurrently. */
  createTask<T>(coro: Coroutine<T>, options?: TaskGroupTaskOptions): Task<T> {
    if (!this.entered) throw new RuntimeError(`TaskGroup ${this} has not been entered`);
    if (!isCoroutine(coro)) {
      throw new TypeError(`TaskGroup.createTask() expects a coroutine, got ${describe(coro)}`);
    }
    // As 3.11, the coroutine is left as it is: the caller may still run it.
    if (this.exiting && this.tasks.size === 0) {
      throw new RuntimeError(`TaskGroup ${this} is finished`);
    }
    if (this.aborting) {
      throw new RuntimeError(`TaskGroup ${this} is shutting down`);
    }
    const loop = this.loop as EventLoop;
    const name = ownOption(options, 'name');
    const context = ownOption(options, 'context');
    // As 3.11's TaskGroup: the task is made unnamed (it takes a number) and renamed after.
    const task = context === undefined ? loop.createTask(coro) : loop.createTask(coro, { context });
    if (name !== undefined) task.setName(name);
    task.addDoneCallback(this.onTaskDone);
    this.tasks.add(task as Task<unknown>);
    return task;
  }

  /** asyncio's repr: `<TaskGroup tasks=2 errors=1 cancelling>`. */
  toString(): string {
    let info = '';
    if (this.tasks.size > 0) info += ` tasks=${this.tasks.size}`;
    if (this.errors.length > 0) info += ` errors=${this.errors.length}`;
    if (this.aborting) info += ' cancelling';
    else if (this.entered) info += ' entered';
    return `<TaskGroup${info}>`;
  }

  /** @internal `__aenter__`: binds the group to the running loop and the current task. */
  _enter(): void {
    if (this.entered) throw new RuntimeError(`TaskGroup ${this} has already been entered`);
    this.loop ??= getRunningLoop();
    this.parentTask = currentTask(this.loop);
    if (this.parentTask === null) {
      throw new RuntimeError(`TaskGroup ${this} cannot determine the parent task`);
    }
    this.entered = true;
  }

  /**
   * @internal `__aexit__`: waits for every task; throws what the block must throw instead
   * of `exception` (or returns, and the caller re-throws `exception` if there was one).
   */
  *_exit(hasException: boolean, exception: unknown): Coroutine<void> {
    this.exiting = true;
    if (hasException && isBaseError(exception) && !this.hasBaseError) {
      this.baseError = exception;
      this.hasBaseError = true;
    }
    let propagateCancellation: unknown =
      hasException && exception instanceof CancelledError ? exception : null;
    const parent = this.parentTask as Task<unknown>;
    if (this.parentCancelRequested) {
      // The group cancelled its parent itself: take that request back; if none is left,
      // the CancelledError is ours and must not escape.
      if (parent.uncancel() === 0) propagateCancellation = null;
    }
    if (hasException && !this.aborting) {
      // The parent is being cancelled, or the block itself failed.
      this.abort();
    }
    // A loop: the wait can be cancelled again and again while the parent is cancelled.
    const loop = this.loop as EventLoop;
    while (this.tasks.size > 0) {
      this.onCompletedFuture ??= loop.createFuture<boolean>();
      try {
        yield* this.onCompletedFuture;
      } catch (error) {
        if (!(error instanceof CancelledError)) throw error;
        if (!this.aborting) {
          // The parent task was cancelled while the block waited for the tasks.
          propagateCancellation = error;
          this.abort();
        }
      }
      this.onCompletedFuture = null;
    }
    if (this.hasBaseError) throw this.baseError;
    // Other errors take priority over the CancelledError.
    if (propagateCancellation !== null && this.errors.length === 0) throw propagateCancellation;
    if (hasException && !(exception instanceof CancelledError)) this.errors.push(exception);
    if (this.errors.length > 0) {
      const errors = this.errors;
      this.errors = [];
      throw new ExceptionGroup('unhandled errors in a TaskGroup', errors);
    }
  }

  private abort(): void {
    this.aborting = true;
    for (const task of this.tasks) {
      if (!task.done()) task.cancel();
    }
  }

  private taskDone(task: Task<unknown>): void {
    this.tasks.delete(task);
    const completed = this.onCompletedFuture;
    if (completed !== null && this.tasks.size === 0 && !completed.done()) completed.setResult(true);
    if (!failed(task)) return;
    let exception: unknown;
    try {
      task.result();
    } catch (error) {
      exception = error;
    }
    this.errors.push(exception);
    if (isBaseError(exception) && !this.hasBaseError) {
      this.baseError = exception;
      this.hasBaseError = true;
    }
    const parent = this.parentTask as Task<unknown>;
    if (parent.done()) {
      (this.loop as EventLoop).callExceptionHandler({
        message: `Task ${task} has errored out but its parent task ${parent} is already completed`,
        exception,
        task,
      });
      return;
    }
    if (!this.aborting && !this.parentCancelRequested) {
      // Cancel the parent to interrupt whatever the block is awaiting right now; _exit
      // takes this cancellation back with uncancel().
      this.abort();
      this.parentCancelRequested = true;
      parent.cancel();
    }
  }
}

/** Python's "base" errors (SystemExit, KeyboardInterrupt) escape the group as they are. */
function isBaseError(error: unknown): boolean {
  return error instanceof KeyboardInterrupt;
}

/**
 * asyncio.TaskGroup as a coroutine: `yield* taskGroup(function* (tg) { tg.createTask(...) })`.
 * Returns the body's result once every task of the group is done; failures of the tasks
 * and of the body are thrown together as an ExceptionGroup.
 *
 * @example
 * ```ts
 * import { run } from '@asyncio-ts/core-loop';
 * import { taskGroup } from '@asyncio-ts/gather';
 * import { sleep } from '@asyncio-ts/timers';
 *
 * run(function* () {
 *   const [a, b] = yield* taskGroup(function* (tg) {
 *     const first = tg.createTask(sleep(1, 'a'));
 *     const second = tg.createTask(sleep(2, 'b'), { name: 'second' });
 *     return [first, second] as const;
 *   }); // returns once both tasks are done
 *   console.log(a.result(), b.result()); // a b
 * });
 * ```
 */
export function taskGroup<T>(body: (tg: TaskGroup) => Coroutine<T>): Coroutine<T> {
  return watchAwaited(runTaskGroup(body), 'taskGroup');
}

function* runTaskGroup<T>(body: (tg: TaskGroup) => Coroutine<T>): Coroutine<T> {
  if (typeof body !== 'function') {
    throw new TypeError(`taskGroup() expects a function (tg) => coroutine, got ${describe(body)}`);
  }
  const group = new TaskGroup();
  group._enter();
  let result: T;
  try {
    const coro = body(group);
    if (!isCoroutine(coro)) {
      throw new TypeError(
        `taskGroup(): the body must return a coroutine (write it with function*), got ${describe(coro)}`,
      );
    }
    result = yield* coro;
  } catch (error) {
    yield* group._exit(true, error);
    throw error;
  }
  yield* group._exit(false, undefined);
  return result;
}
