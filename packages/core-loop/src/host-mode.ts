import { defaultClock } from './clock.js';
import { ensureFuture } from './ensure-future.js';
import { RuntimeError } from './errors.js';
import type { EventLoop, HostBridge } from './event-loop.js';
import { Future } from './future.js';
import { NOT_HANDLED } from './reentry.js';
import { registry } from './registry.js';
import { checkRunDepth, RunFrame } from './run-frame.js';
import type { Awaitable } from './types.js';
import { IdleStreak } from './wake.js';

// While work keeps coming, hand control back to the host at least this often (4 ms), so
// host I/O (sockets, files, fetch) is not starved by a busy loop.
const SLICE_SECONDS = 0.004;
// The longest delay a host timer takes (2^31-1 ms, about 24.8 days); longer waits re-arm.
const MAX_TIMER_MS = 2 ** 31 - 1;
// Where Atomics.waitAsync is missing, a host-mode wait looks at the wake cell this often.
const CELL_POLL_SECONDS = 0.002;

type NodeProcess = {
  on(event: 'beforeExit', listener: () => void): unknown;
  removeListener(event: 'beforeExit', listener: () => void): unknown;
};

function nodeProcess(): NodeProcess | null {
  const candidate = (globalThis as { process?: Partial<NodeProcess> }).process;
  return candidate !== undefined &&
    typeof candidate.on === 'function' &&
    typeof candidate.removeListener === 'function'
    ? (candidate as NodeProcess)
    : null;
}

/**
 * The host-mode runs in progress, and the one `beforeExit` listener they share while any
 * runs (one per process, however many runs: no MaxListenersExceededWarning). The listener
 * stays for the whole run instead of coming and going with each idle wait: adding and
 * removing a process listener twice per socket round trip cost more than the wait itself.
 */
const hostRuns = new Set<HostDriver>();
let listeningOn: NodeProcess | null = null;

function onBeforeExit(): void {
  // Only runs waiting with nothing scheduled can deadlock; with none, do nothing (scheduling
  // anything here would keep the process alive and emit `beforeExit` again, forever).
  const idle: [HostDriver, number][] = [];
  for (const driver of hostRuns) {
    if (driver.idleForever) idle.push([driver, driver.waits]);
  }
  if (idle.length === 0) return;
  // Give the host one more turn first: a signal already received (Ctrl-C) is delivered in
  // it and wakes its run, which must then not fail with the deadlock error. An immediate, not
  // a 0 ms timer: immediates run after the turn's I/O poll, which reads the signal, whereas a
  // timer can fire before it (it is due as soon as 1 ms has passed, on a loaded machine).
  const afterPoll = typeof setImmediate === 'function' ? setImmediate : setTimeout;
  afterPoll(() => {
    for (const [driver, wait] of idle) driver.deadlocked(wait);
  });
}

function addHostRun(driver: HostDriver): void {
  if (hostRuns.size === 0) {
    listeningOn = nodeProcess();
    listeningOn?.on('beforeExit', onBeforeExit);
  }
  hostRuns.add(driver);
}

function removeHostRun(driver: HostDriver): void {
  if (!hostRuns.delete(driver) || hostRuns.size > 0) return;
  listeningOn?.removeListener('beforeExit', onBeforeExit);
  listeningOn = null;
}

function noop(): void {}

const settled: Promise<void> = Promise.resolve();

const afterHostTurn: (callback: () => void) => unknown =
  typeof setImmediate === 'function' ? setImmediate : (callback) => setTimeout(callback, 0);

/**
 * Drives one host-mode run: runs the loop in slices on the JS host and, between slices,
 * waits for the host (I/O, timers, promise settlements). Callback-driven: a wake-up (work
 * scheduled from a host callback, the wake cell notified, `stop()`) queues the next slice as
 * a microtask, a timer or an immediate runs it directly; no promise, async frame or
 * listener is made per wait. Also the loop's `HostBridge`: turns native promises into futures.
 */
class HostDriver implements HostBridge {
  /** Real seconds the loop waited in vain while something outside it was pending. */
  readonly streak = new IdleStreak();
  /** True while a wait is in progress: `wake()` then queues the next slice. */
  private waiting = false;
  /** True while waiting with nothing scheduled (what `beforeExit` looks for). */
  idleForever = false;
  /** `deliver` calls in progress; the wake-up they caused, if any. */
  private delivering = 0;
  private wokenInDelivery = false;
  /** The instruments' `afterIdle` is due before the next slice. */
  private afterIdle = false;
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;
  private keepAlive: ReturnType<typeof setInterval> | undefined = undefined;
  /** Native promises adopted and not yet settled. */
  private adopted = 0;
  /** How many waits began: tells one wait from the next. */
  waits = 0;
  /** Runs the next slice (made once: no closure per wait). */
  private readonly step = (): void => this.runStep();
  private readonly hostWake = (): void => this.wake();
  private readonly timeUp = (): void => {
    if (!this.waiting) return;
    this.settleWait();
    this.runStep();
  };

  // Set by `run`.
  private frame!: RunFrame;
  private goal!: Future<unknown>;
  /** The run made `goal` (a task of a coroutine): its exception counts as retrieved. */
  private newTask = false;
  private resolve!: (value: unknown) => void;
  private reject!: (error: unknown) => void;

  constructor(private readonly loop: EventLoop) {}

  /**
   * Runs the loop until `goal` is done (once per driver); the first slice runs now, on the
   * caller's stack. `newTask`: the run made `goal`, so its exception counts as retrieved.
   */
  run<T>(goal: Future<T>, newTask: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.goal = goal as Future<unknown>;
      this.newTask = newTask;
      this.resolve = resolve as (value: unknown) => void;
      this.reject = reject;
      try {
        this.frame = RunFrame.enter(this.loop, this.goal);
      } catch (error) {
        this.loop._host = null;
        throw error;
      }
      this.frame.leaveThread();
      addHostRun(this);
      this.runStep();
    });
  }

  wake(): void {
    if (!this.waiting) return;
    this.settleWait();
    // Woken before its time: the next idle wait starts a new streak.
    this.streak.reset();
    if (this.delivering > 0) {
      // `deliver` runs the slice when its callback returns.
      this.wokenInDelivery = true;
      return;
    }
    // A microtask, as a settled promise's reaction (Node's queueMicrotask makes an async
    // resource each time): the slice runs as soon as the host callback that woke it returns.
    settled.then(this.step);
  }

  adopt(thenable: PromiseLike<unknown>): Future<unknown> {
    const loop = this.loop;
    const future = new Future<unknown>({ loop });
    future._sendsResult = true;
    const settle = (outcome: () => void): void => {
      this.adopted--;
      // A cancelled waiter ignores the late settlement; a closed loop takes nothing.
      if (future.done() || loop.isClosed()) return;
      outcome();
    };
    try {
      thenable.then(
        (value) => settle(() => future.setResult(value)),
        (reason) => settle(() => future.setException(reason)),
      );
      this.adopted++;
    } catch (error) {
      future.setException(error);
    }
    return future;
  }

  deliver<A>(callback: (arg: A) => void, arg: A): void {
    this.delivering++;
    try {
      callback(arg);
    } finally {
      this.delivering--;
      if (this.delivering === 0 && this.wokenInDelivery) {
        this.wokenInDelivery = false;
        // Called, against its contract, while a loop runs on this thread (a 'data' event
        // emitted synchronously inside a slice): never nest slices, take the microtask.
        if (registry.running === null) this.runStep();
        else settled.then(this.step);
      }
    }
  }

  /** True while something outside the loop may still wake it: a promise, outside work. */
  outsidePending(): boolean {
    const wake = this.loop._wake;
    return this.adopted > 0 || wake?.outsidePending() === true;
  }

  /** One slice of the loop, then what comes next: the end, a host turn, or a wait. */
  private runStep(): void {
    const loop = this.loop;
    try {
      if (this.afterIdle) {
        this.afterIdle = false;
        loop._notify('afterIdle', undefined);
      }
      const timeout = runSlice(loop, this.frame, this);
      if (timeout === 0) this.finish();
      else if (timeout < 0) afterHostTurn(this.step);
      else this.idle(timeout);
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * The idle wait for `timeout` (> 0) loop seconds: the host delivers I/O, timers and
   * settlements meanwhile.
   */
  private idle(timeout: number): void {
    const loop = this.loop;
    const instrumented = loop._instruments !== null;
    if (instrumented) {
      loop._notify('beforeIdle', timeout);
      this.afterIdle = true;
    }
    const real = this.streak.realWait(loop, timeout, this.outsidePending());
    // A virtual clock jumped: still give the host one turn so I/O is never starved.
    if (real <= 0) {
      afterHostTurn(this.step);
      return;
    }
    // Another thread's answer may be microseconds away (the I/O worker after nest-patch's
    // apply()): check the cell briefly, then give the host its turn without a full wait.
    // S1 (2,000 echo round trips, runAsync with sockets in the worker): 380–470 ms before,
    // 195–255 ms with it.
    if (!instrumented && loop._wake?.spinBeforeWait(real)) {
      afterHostTurn(this.step);
      return;
    }
    this.wait(real);
  }

  /**
   * Waits `seconds` of real time (Infinity: until woken); a wake-up (work scheduled, the wake
   * cell notified, `stop()`) ends it early.
   */
  private wait(seconds: number): void {
    this.waits++;
    this.waiting = true;
    let limit = seconds;
    const wake = this.loop._wake;
    if (wake !== null) {
      wake.hostWake = this.hostWake;
      if (!wake.watchAsync()) limit = Math.min(limit, CELL_POLL_SECONDS);
      if (!this.waiting) return; // the cell was already notified
      // Another thread may still deliver: keep the process alive meanwhile.
      if (wake.outsidePending()) this.keepAlive = setInterval(noop, MAX_TIMER_MS);
    }
    if (limit !== Number.POSITIVE_INFINITY) {
      const ms = Math.min(Math.ceil(limit * 1000), MAX_TIMER_MS);
      this.timer = setTimeout(this.timeUp, ms);
    } else if (this.keepAlive === undefined) {
      // Waiting with nothing scheduled: if the host runs out of work too, nothing can
      // ever wake the loop, so fail instead of letting the program end with the run unsettled.
      this.idleForever = true;
    }
  }

  /** The host ran out of work during wait number `wait`, for nothing: the deadlock error. */
  deadlocked(wait: number): void {
    if (!this.waiting || wait !== this.waits) return;
    this.settleWait();
    // Reject with whatever goes wrong: an exception escaping a host listener would crash
    // the process instead of reaching the caller of runAsync().
    let error: unknown;
    try {
      error = this.loop._deadlockError();
    } catch (failure) {
      error = failure;
    }
    this.fail(error);
  }

  private settleWait(): void {
    this.waiting = false;
    this.idleForever = false;
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.keepAlive !== undefined) {
      clearInterval(this.keepAlive);
      this.keepAlive = undefined;
    }
    const wake = this.loop._wake;
    if (wake !== null) wake.hostWake = null;
  }

  /** Ends the run: restores what the run frame changed and detaches from the loop. */
  private end(): void {
    this.frame.exit();
    this.loop._host = null;
    removeHostRun(this);
  }

  /** The loop stopped: settles the run with the goal's outcome. */
  private finish(): void {
    this.end();
    const goal = this.goal;
    if (!goal.done()) {
      this.reject(new RuntimeError('Event loop stopped before Future completed.'));
      return;
    }
    let value: unknown;
    try {
      value = goal.result();
    } catch (error) {
      this.reject(error);
      return;
    }
    this.resolve(value);
  }

  /** The run failed with `error` (an exception out of a slice, the deadlock error). */
  private fail(error: unknown): void {
    const goal = this.goal;
    if (this.newTask && goal.done() && !goal.cancelled()) goal.exception();
    this.end();
    this.reject(error);
  }
}

/**
 * Runs iterations of `loop` until it must wait or a slice of time is used up. Returns the
 * loop's timeout when it must wait (> 0, Infinity when nothing is scheduled), -1 when the
 * slice ran out, 0 when the loop was stopped.
 */
function runSlice(loop: EventLoop, frame: RunFrame, driver: HostDriver): number {
  // The slice's time counts from the end of its first iteration: most slices have only one
  // (a socket's data wakes one task), and they then read the clock once, not twice.
  let sliceEnd = -1;
  frame.enterThread();
  try {
    for (;;) {
      const wake = loop._wake;
      if (wake?.poll()) driver.streak.reset();
      const timeout = loop._computeTimeout();
      if (timeout > 0) return timeout;
      loop._runReady();
      if (loop._stopping) return 0;
      const now = defaultClock.now();
      if (sliceEnd < 0) sliceEnd = now + SLICE_SECONDS;
      else if (now >= sliceEnd) return -1;
    }
  } finally {
    frame.leaveThread();
  }
}

/**
 * `loop.runUntilCompleteAsync(aw)`: the same run frame and iterations as `runUntilComplete`,
 * run in slices on the host's event loop; between slices the host delivers I/O, timers and
 * promise settlements. The loop counts as running (`getRunningLoop()`) only inside slices.
 * Called while a loop runs, it asks the re-entry hooks (nest-patch) like any other run.
 */
export async function runUntilCompleteAsync<T>(
  loop: EventLoop,
  awaitable: Awaitable<T> | PromiseLike<T>,
): Promise<T> {
  loop._checkClosed();
  if (loop._running || registry.running !== null) {
    checkRunDepth(loop);
    const hooks = registry.reentry;
    if (hooks !== null) {
      const value = hooks.runUntilComplete(loop, awaitable as Awaitable<T>);
      if (value !== NOT_HANDLED) return value as T;
    }
    loop._checkRunning();
  }
  const driver = new HostDriver(loop);
  loop._host = driver;
  let future: Future<T>;
  try {
    future = ensureFuture(awaitable, { loop });
  } catch (error) {
    loop._host = null;
    throw error;
  }
  return driver.run(future, future !== (awaitable as unknown));
}
