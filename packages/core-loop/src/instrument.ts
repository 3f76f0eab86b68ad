import type { Task } from './task.js';

/**
 * Hooks into a loop's life, in the spirit of trio's instruments: every member is optional.
 * A loop with no instrument attached pays nothing for the feature.
 */
export interface Instrument {
  /** A task was created on the loop. */
  taskSpawned?(task: Task<unknown>): void;
  /** The loop is about to step `task` (send into or throw into its coroutine). */
  beforeTaskStep?(task: Task<unknown>): void;
  /** `task` yielded, returned or threw. */
  afterTaskStep?(task: Task<unknown>): void;
  /** `task` is done (result, exception or cancelled). */
  taskExited?(task: Task<unknown>): void;
  /** The loop is about to wait `timeout` seconds (on its clock) for the next timer. */
  beforeIdle?(timeout: number): void;
  /** The wait announced by `beforeIdle` is over. */
  afterIdle?(): void;
}
