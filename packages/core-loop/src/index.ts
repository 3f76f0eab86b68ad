export { awaitPromise } from './await-promise.js';
export { type Clock, defaultClock, MonotonicClock } from './clock.js';
export { type CreateTaskOptions, createTask } from './create-task.js';
export { type EnsureFutureOptions, ensureFuture } from './ensure-future.js';
export {
  CancelledError,
  InvalidStateError,
  KeyboardInterrupt,
  RuntimeError,
  TimeoutError,
} from './errors.js';
export { EventLoop, type EventLoopOptions } from './event-loop.js';
export type { ExceptionContext, ExceptionHandler } from './exception-context.js';
export type { Executor, ExecutorShutdownOptions, ModuleSpecifier } from './executor.js';
export { type DoneCallback, Future, type FutureOptions } from './future.js';
export { Handle, TimerHandle } from './handle.js';
export type { Instrument } from './instrument.js';
export { isCoroutine, isFuture } from './predicates.js';
export { run, runAsync } from './run.js';
export { Runner, type RunnerRunOptions, type RunOptions } from './runner.js';
export {
  getEventLoop,
  getRunningLoop,
  newEventLoop,
  setEventLoop,
} from './running-loop.js';
export { allTasks, currentTask, Task, type TaskOptions } from './task.js';
export type { Awaitable, Coroutine, CoroutineSource, Yielded } from './types.js';
