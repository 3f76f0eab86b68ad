/**
 * `@asyncio-ts/core-loop/internal`: the documented extension point for sibling packages that
 * need the loop's inner machinery (nest-patch runs a loop re-entrantly with these). Not for
 * applications: these functions can break the loop's invariants if misused.
 */

import { CancelledError, loopCancelledError, type RuntimeError } from './errors.js';
import type { EventLoop } from './event-loop.js';
import type { Future } from './future.js';
import type { TimerHandle } from './handle.js';
import { NOT_HANDLED, type ReentryHooks } from './reentry.js';
import { registry } from './registry.js';
import { RunFrame } from './run-frame.js';
import type { Task } from './task.js';

export { blockFor } from './blocking-wait.js';
export { THROW_PASSES_THROUGH } from './brand.js';
export { checkSeconds, checkSecondsOrNull } from './checks.js';
export { addCloseCallback } from './close-callbacks.js';
export { loopCancelledError } from './errors.js';
export type { HostBridge } from './event-loop.js';
export { setDefaultExecutorFactory } from './executor.js';
export { ownOption } from './options.js';
export { asCoroutine, isAwaitableObject, isThenable } from './predicates.js';
export { boundedRepr, formatCallback, repr } from './repr.js';
export { RunFrame } from './run-frame.js';
export { cancelAllTasks } from './runner.js';
export { watchAwaited } from './unawaited.js';
export { releaseWaiter } from './waiters.js';
export {
  addWakeSource,
  beginOutsideWork,
  notifyWakeCell,
  type OutsideWork,
  wakeCellOf,
} from './wake.js';
export { NOT_HANDLED, type ReentryHooks };

/** Installs (or with null removes) the re-entrancy hooks; returns the previous ones. */
export function setReentryHooks(hooks: ReentryHooks | null): ReentryHooks | null {
  const previous = registry.reentry;
  registry.reentry = hooks;
  return previous;
}

/** The re-entrancy hooks currently installed, or null. */
export function getReentryHooks(): ReentryHooks | null {
  return registry.reentry;
}

/** Sets the loop that `getRunningLoop()` reports (asyncio's `_set_running_loop`). */
export function setRunningLoop(loop: EventLoop | null): void {
  registry.running = loop;
}

/** The loop running on this thread, or null. */
export function getRunningLoopOrNull(): EventLoop | null {
  return registry.running;
}

/**
 * One iteration of `loop` (asyncio's `_run_once`): waits, blocking the thread, for the
 * next timer if nothing is ready, then runs what is ready. Throws `deadlockError()` when
 * nothing is ready or scheduled at all.
 */
export function runOnce(loop: EventLoop): void {
  loop._runOnce();
}

/**
 * Starts a run of `loop` towards `goal` (null: until `stop()`) on this thread, on top of the
 * running one if any: the one setup every run shares. Call `exit()` on the frame in a
 * `finally`: the one teardown, which restores the running loop, the current task and the
 * rest. The caller drives the iterations (`runOnce`) in between.
 */
export function enterRun(loop: EventLoop, goal: Future<unknown> | null): RunFrame {
  return RunFrame.enter(loop, goal);
}

/** How many runs of `loop` are in progress on this thread (nested runs count each). */
export function runDepth(loop: EventLoop): number {
  return loop._runDepth;
}

/** A loop's run state: what a nested run saves before it starts and restores after. */
export interface LoopRunState {
  /** `isRunning()`. */
  running: boolean;
  /** Whether `stop()` was called during this run. */
  stopping: boolean;
  /** The task whose step is executing (the one that started a nested run). */
  currentTask: Task<unknown> | null;
  /** What the current `runUntilComplete` waits on (named in deadlock errors). */
  waitingOn: Future<unknown> | null;
}

/** Reads `loop`'s run state. */
export function getRunState(loop: EventLoop): LoopRunState {
  return {
    running: loop._running,
    stopping: loop._stopping,
    currentTask: loop._currentTask,
    waitingOn: loop._waitingOn,
  };
}

/** Overwrites `loop`'s run state (all of it, or the members given). */
export function setRunState(loop: EventLoop, state: Partial<LoopRunState>): void {
  if (state.running !== undefined) loop._running = state.running;
  if (state.stopping !== undefined) loop._stopping = state.stopping;
  if (state.currentTask !== undefined) loop._currentTask = state.currentTask;
  if (state.waitingOn !== undefined) loop._waitingOn = state.waitingOn;
}

/**
 * True when `loop` has nothing ready, no timer and no outside work pending: an iteration
 * would wait forever. Drains the wake sources first if the wake cell was notified.
 */
export function isIdleForever(loop: EventLoop): boolean {
  const wake = loop._wake;
  if (wake !== null) {
    wake.poll();
    if (wake.outsidePending()) return false;
  }
  return (
    loop._ready.length === 0 &&
    !loop._stopping &&
    loop._computeTimeout() === Number.POSITIVE_INFINITY
  );
}

/** The RuntimeError a blocking run throws instead of waiting forever. */
export function deadlockError(loop: EventLoop): RuntimeError {
  return loop._deadlockError();
}

/**
 * True while `loop` runs in host mode (`runAsync`, `runUntilCompleteAsync`): native promises
 * adopted by its tasks settle only when control returns to the JS host, which a nested
 * blocking run never does.
 */
export function isHostMode(loop: EventLoop): boolean {
  return loop._host !== null;
}

/**
 * For a host callback that delivers to `loop` (a socket's `data` event in host mode): runs
 * `callback(arg)` and, if that woke the waiting loop, the loop's next slice right after it,
 * on the same stack, instead of in a microtask: what a selector loop does with the events
 * of one poll. Outside host mode, or while the loop is not waiting, only `callback(arg)` runs.
 * Call it only at the top of a host callback, never from inside the loop.
 */
export function deliverFromHost<A>(loop: EventLoop, callback: (arg: A) => void, arg: A): void {
  const host = loop._host;
  if (host === null) callback(arg);
  else host.deliver(callback, arg);
}

/**
 * The CancelledError a cancelled future's `result()` throws (asyncio's
 * `_make_cancelled_error`): the one its task's coroutine ended with, or a new one carrying the
 * cancel message. Like asyncio's, it hands a saved error out only once.
 */
export function makeCancelledError(future: Future<unknown>): CancelledError {
  return future._makeCancelledError();
}

/** The message a future was cancelled with (`cancel(msg)`), or '' when none was given. */
export function cancelMessageOf(future: Future<unknown>): string {
  return future._cancelMessage ?? '';
}

/**
 * The CancelledError to put in the place of a cancelled `future` among gathered results:
 * asyncio makes a new one from the cancel message. When the future is a task whose coroutine
 * ended with a CancelledError of exactly that class and message, that error is used (the same
 * class and message; another object than asyncio's): building an Error costs ~0.5 µs, and
 * cancelling 100,000 tasks (W6) built 200,000 of them (issue 24).
 */
export function cancelledResultOf(future: Future<unknown>): CancelledError {
  const message = future._cancelMessage ?? '';
  const ended = future._cancelledExc;
  if (ended !== null && ended.constructor === CancelledError && ended.message === message) {
    return ended;
  }
  return loopCancelledError(message);
}

/** True once a Task has taken the coroutine `coro`: a task made from it now fails at once. */
export { isClaimed } from './task.js';

/**
 * True if `callback` is among the done callbacks `future` will schedule (added with
 * `addDoneCallback` and still pending): how gather tells a future it already watches.
 */
export function hasDoneCallback(
  future: Future<unknown>,
  callback: (future: Future<unknown>) => void,
): boolean {
  return future._hasDoneCallback(callback);
}

/**
 * The suspending step of `yield* future`, for hand-written coroutines: marks `future` as
 * awaited (asyncio's `_asyncio_future_blocking`) and returns it, to be yielded to the task,
 * which parks on it. Saves the iterator object `future[Symbol.iterator]()` makes per wait.
 */
export function blockOn<T>(future: Future<T>): Future<T> {
  future._asyncioFutureBlocking = true;
  return future;
}

/**
 * The timers in `loop`'s heap, in heap order (cancelled ones stay until the loop drops them):
 * for tests and diagnostics that check no timer is left behind.
 */
export function scheduledTimers(loop: EventLoop): readonly TimerHandle[] {
  return [...loop._timers.items];
}
