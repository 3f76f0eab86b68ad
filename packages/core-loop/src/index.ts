export {
  CancelledError,
  InvalidStateError,
  KeyboardInterrupt,
  RuntimeError,
  TimeoutError,
} from './errors.js';
export type { Awaitable, Coroutine, CoroutineSource, Yielded } from './types.js';
export { type Clock, MonotonicClock, defaultClock } from './clock.js';
export { Handle, TimerHandle } from './handle.js';
export { Future, type DoneCallback, type FutureOptions } from './future.js';
export { Task, type TaskOptions, allTasks, currentTask } from './task.js';
export {
  EventLoop,
  type EventLoopOptions,
  type ExceptionContext,
  type ExceptionHandler,
} from './event-loop.js';
export type { Instrument } from './instrument.js';
export {
  getEventLoop,
  getRunningLoop,
  newEventLoop,
  setEventLoop,
} from './running-loop.js';
export { ensureFuture, type EnsureFutureOptions } from './ensure-future.js';
export { isCoroutine, isFuture } from './predicates.js';
export { Runner, type RunOptions, type RunnerRunOptions } from './runner.js';
export { run, runAsync } from './run.js';
