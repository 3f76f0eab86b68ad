import {
  type Awaitable,
  type EventLoop,
  ensureFuture,
  type Future,
  RuntimeError,
  type Task,
} from '@asyncio-ts/core-loop';
import {
  enterRun,
  getRunState,
  isHostMode,
  isIdleForever,
  runOnce,
} from '@asyncio-ts/core-loop/internal';
import { type NestedFrame, patchState } from './patch-state.js';

/** What the nested run drives: until `future` is done, or (null) until `stop()`. */
type Goal = Future<unknown> | null;

/** How a suspended frame reads in a deadlock message. */
function describeFrame(frame: NestedFrame): string {
  return frame.caller === null ? 'the caller, a plain callback' : `task ${frame.caller}`;
}

/** The frames suspended beneath the innermost nested run, innermost first. */
function describeSuspended(frames: readonly NestedFrame[]): string {
  return frames.map(describeFrame).reverse().join('; beneath it, ');
}

/** The RuntimeError a nested run throws when nothing left in the loop can finish it. */
function nestedDeadlock(loop: EventLoop, goal: Goal, frames: readonly NestedFrame[]): RuntimeError {
  const suspended = describeSuspended(frames);
  const host = isHostMode(loop)
    ? ' (the loop runs in host mode, but a nested run blocks the thread: native promises cannot settle before it returns)'
    : '';
  const what =
    goal === null
      ? `nested runForever() has nothing scheduled, so only a suspended outer frame (${suspended}) could call stop()`
      : `nested runUntilComplete() waits on ${goal}, which only a suspended outer frame (${suspended}) could finish`;
  return new RuntimeError(
    `Event loop would block forever: ${what}; no callback is ready, no timer is scheduled, and the frames beneath a nested run cannot resume until it returns${host} (deadlock)`,
  );
}

/** The task suspended beneath a nested run that `future` is, if any. */
function suspendedTask(future: Future<unknown>, loop: EventLoop): Task<unknown> | null {
  if (getRunState(loop).currentTask === future) return future as Task<unknown>;
  for (const frame of patchState.frames) {
    if (frame.caller === future) return frame.caller;
  }
  return null;
}

/**
 * Runs iterations of `loop` until `goal` is done (or, for null, until `stop()`), on top of
 * whatever is running now, in core-loop's run frame (`enterRun`): it saves the loop's run
 * state and the running loop, clears the current task (the caller stays suspended
 * beneath), and `exit()` restores all of it.
 * `stop()` during the run ends this run only. Throws the deadlock RuntimeError when the
 * loop has nothing ready and no timer while the goal is not reached.
 */
function driveNested(loop: EventLoop, goal: Goal): void {
  const frames = patchState.frames;
  const caller = getRunState(loop).currentTask;
  const frame = enterRun(loop, goal);
  frames.push({ loop, caller });
  try {
    while (goal === null || !goal.done()) {
      if (isIdleForever(loop)) throw nestedDeadlock(loop, goal, frames);
      runOnce(loop);
      if (getRunState(loop).stopping) break;
    }
  } finally {
    frames.pop();
    frame.exit();
  }
}

/**
 * nest_asyncio's re-entrant `run_until_complete`: runs `loop` on top of the running frame
 * until `awaitable` is done and returns its result (or throws its exception). Other tasks
 * and timers of the loop keep progressing meanwhile.
 */
export function nestedRunUntilComplete<T>(loop: EventLoop, awaitable: Awaitable<T>): T {
  const future = ensureFuture(awaitable, { loop });
  const suspended = suspendedTask(future as Future<unknown>, loop);
  if (suspended !== null) {
    throw new RuntimeError(
      `Event loop would block forever: nested runUntilComplete() waits on ${suspended}, which is suspended beneath this nested run (its step called it) and cannot finish before the nested run returns (deadlock)`,
    );
  }
  if (!future.done()) driveNested(loop, future as Future<unknown>);
  if (!future.done()) throw new RuntimeError('Event loop stopped before Future completed.');
  return future.result();
}

/** nest_asyncio's re-entrant `run_forever`: runs `loop` on top of the running frame until `stop()`. */
export function nestedRunForever(loop: EventLoop): void {
  driveNested(loop, null);
}
