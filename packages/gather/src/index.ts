export { type AsCompletedOptions, asCompleted } from './as-completed.js';
export type { AwaitedOf } from './awaitable.js';
export { ExceptionGroup } from './exception-group.js';
export {
  type GatherArgument,
  GatheringFuture,
  type GatherOptions,
  type GatherResults,
  type GatherResultsOrErrors,
  gather,
} from './gather.js';
export { shield } from './shield.js';
export { TaskGroup, type TaskGroupTaskOptions, taskGroup } from './task-group.js';
export {
  ALL_COMPLETED,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  type ReturnWhen,
  type WaitOptions,
  wait,
} from './wait.js';
