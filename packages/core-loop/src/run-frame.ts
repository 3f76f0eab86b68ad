import type { EventLoop } from './event-loop.js';
import type { Future } from './future.js';
import { registry } from './registry.js';
import { stopLoopOf } from './stop-loop.js';
import type { Task } from './task.js';

/**
 * How many runs of one loop may be in progress at once (nested runs, nest-patch). Past it a
 * run refuses to start with a RangeError, as Python's RecursionError ends deep recursion,
 * while the stack still has room to unwind cleanly: a real stack overflow in the middle of
 * the loop's own bookkeeping would leave tasks half-stepped and pending forever.
 */
export const MAX_RUN_DEPTH = 256;

/** The RangeError a run refuses to start with past `MAX_RUN_DEPTH` nested runs of `loop`. */
export function checkRunDepth(loop: EventLoop): void {
  if (loop._runDepth >= MAX_RUN_DEPTH) {
    throw new RangeError(
      `Maximum nested run depth exceeded: ${loop._runDepth} runs of ${loop} are already in progress (at most ${MAX_RUN_DEPTH})`,
    );
  }
}

/**
 * One run of a loop, whichever way it runs: a blocking `runForever`/`runUntilComplete`, a
 * host-mode `runUntilCompleteAsync`, or a nested run on top of a running one (nest-patch).
 * `RunFrame.enter` is the one setup: it saves what the run changes (the thread's running
 * loop, the loop's running/stopping flags, its current task and what it waits on), marks
 * the loop running and arranges for it to stop when the goal is done. `exit()` is the one
 * teardown and restores all of it. Only the idle wait differs between the kinds of run.
 */
export class RunFrame {
  private readonly savedRunningLoop: EventLoop | null;
  private readonly savedRunning: boolean;
  private readonly savedStopping: boolean;
  private readonly savedTask: Task<unknown> | null;
  private readonly savedGoal: Future<unknown> | null;
  private exited = false;

  private constructor(
    /** The loop this run drives. */
    readonly loop: EventLoop,
    /** What the run waits on (runUntilComplete), or null (runForever: until stop()). */
    readonly goal: Future<unknown> | null,
  ) {
    this.savedRunningLoop = registry.running;
    this.savedRunning = loop._running;
    this.savedStopping = loop._stopping;
    this.savedTask = loop._currentTask;
    this.savedGoal = loop._waitingOn;
  }

  /**
   * Starts a run of `loop` towards `goal` on this thread. A nested run (the loop already
   * runs) starts with `stop()` not requested and no current task: the task that started it
   * stays suspended beneath. A first run keeps a `stop()` requested before it (it then runs
   * one iteration, as asyncio's `run_forever`).
   */
  static enter(loop: EventLoop, goal: Future<unknown> | null): RunFrame {
    const frame = new RunFrame(loop, goal);
    // The one call that can fail comes before any change, so a failure leaves nothing half-set.
    if (goal !== null) goal.addDoneCallback(stopLoopOf);
    if (frame.savedRunning) loop._stopping = false;
    loop._running = true;
    loop._currentTask = null;
    loop._waitingOn = goal;
    loop._runDepth++;
    registry.running = loop;
    return frame;
  }

  /** True for a run started while the loop was already running (nest-patch). */
  get nested(): boolean {
    return this.savedRunning;
  }

  /** Host mode, between slices: the loop does not count as running on this thread. */
  leaveThread(): void {
    registry.running = this.savedRunningLoop;
  }

  /** Host mode, at the start of a slice: the loop is this thread's running loop again. */
  enterThread(): void {
    registry.running = this.loop;
  }

  /**
   * Ends the run and restores what `enter` saved. Under a nested run, the run beneath is
   * stopped now if its goal finished meanwhile (its done callback skipped it while this one
   * ran), as asyncio would have it. Calling it twice does nothing.
   */
  exit(): void {
    if (this.exited) return;
    this.exited = true;
    const loop = this.loop;
    if (this.goal !== null) this.goal.removeDoneCallback(stopLoopOf);
    const outerGoal = this.savedGoal;
    loop._stopping = this.savedRunning && (this.savedStopping || outerGoal?.done() === true);
    loop._running = this.savedRunning;
    loop._currentTask = this.savedTask;
    loop._waitingOn = outerGoal;
    loop._runDepth--;
    registry.running = this.savedRunningLoop;
  }
}
