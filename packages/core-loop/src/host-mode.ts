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

/** One macrotask turn of the host: I/O callbacks get their chance before the loop goes on. */
const yieldToHost: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The host-mode runs waiting with nothing scheduled, and the one `beforeExit` listener they
 * share (one per process, however many runs wait: no MaxListenersExceededWarning).
 */
const idleForever = new Set<HostDriver>();

function onBeforeExit(): void {
  // Give the host one more turn first: a signal already received (Ctrl-C) is delivered in
  // it and wakes its run, which must then not fail with the deadlock error. An immediate, not
  // a 0 ms timer: immediates run after the turn's I/O poll, which reads the signal, whereas a
  // timer can fire before it (it is due as soon as 1 ms has passed, on a loaded machine).
  const waiting = [...idleForever].map((driver) => [driver, driver.waits] as const);
  const afterPoll = typeof setImmediate === 'function' ? setImmediate : setTimeout;
  afterPoll(() => {
    for (const [driver, wait] of waiting) driver.deadlocked(wait);
  });
}

function watchIdleForever(driver: HostDriver): void {
  if (idleForever.size === 0) nodeProcess()?.on('beforeExit', onBeforeExit);
  idleForever.add(driver);
}

function unwatchIdleForever(driver: HostDriver): void {
  if (!idleForever.delete(driver)) return;
  if (idleForever.size === 0) nodeProcess()?.removeListener('beforeExit', onBeforeExit);
}

function noop(): void {}

/**
 * Connects a loop to the JS host while it runs in host mode: wakes the driver when work is
 * scheduled from host callbacks and turns native promises into futures of the loop.
 */
class HostDriver implements HostBridge {
  /** Real seconds the loop waited in vain while something outside it was pending. */
  readonly streak = new IdleStreak();
  private resume: ((woken: boolean) => void) | null = null;
  private fail: ((error: unknown) => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;
  private keepAlive: ReturnType<typeof setInterval> | undefined = undefined;
  /** Native promises adopted and not yet settled. */
  private adopted = 0;
  /** How many waits began: tells one wait from the next. */
  waits = 0;

  constructor(private readonly loop: EventLoop) {}

  wake(): void {
    const resume = this.resume;
    if (resume === null) return;
    this.settleWait();
    // Woken before its time: the next idle wait starts a new streak.
    this.streak.reset();
    resume(true);
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

  /** True while something outside the loop may still wake it: a promise, outside work. */
  outsidePending(): boolean {
    const wake = this.loop._wake;
    return this.adopted > 0 || wake?.outsidePending() === true;
  }

  /**
   * Waits `seconds` of real time (Infinity: until woken); a wake-up (work scheduled, the wake
   * cell notified, `stop()`) ends it early. Resolves true when woken, false when time is up.
   */
  wait(seconds: number): Promise<boolean> {
    this.waits++;
    return new Promise<boolean>((resolve, reject) => {
      this.resume = resolve;
      this.fail = reject;
      let limit = seconds;
      const wake = this.loop._wake;
      if (wake !== null) {
        wake.hostWake = () => this.wake();
        if (!wake.watchAsync()) limit = Math.min(limit, CELL_POLL_SECONDS);
        if (this.resume === null) return; // the cell was already notified
        // Another thread may still deliver: keep the process alive meanwhile.
        if (wake.outsidePending()) this.keepAlive = setInterval(noop, MAX_TIMER_MS);
      }
      if (limit !== Number.POSITIVE_INFINITY) {
        const ms = Math.min(Math.ceil(limit * 1000), MAX_TIMER_MS);
        this.timer = setTimeout(() => this.timeUp(), ms);
      } else if (this.keepAlive === undefined) {
        // Waiting with nothing scheduled: if the host runs out of work too, nothing can
        // ever wake the loop, so fail instead of letting the program end with the run unsettled.
        watchIdleForever(this);
      }
    });
  }

  /** The host ran out of work during wait number `wait`, for nothing: the deadlock error. */
  deadlocked(wait: number): void {
    const failWith = this.fail;
    if (failWith === null || wait !== this.waits) return;
    this.settleWait();
    // Reject with whatever goes wrong: an exception escaping a host listener would crash
    // the process instead of reaching the caller of runAsync().
    let error: unknown;
    try {
      error = this.loop._deadlockError();
    } catch (failure) {
      error = failure;
    }
    failWith(error);
  }

  private timeUp(): void {
    const resume = this.resume;
    if (resume === null) return;
    this.settleWait();
    resume(false);
  }

  private settleWait(): void {
    this.resume = null;
    this.fail = null;
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
    unwatchIdleForever(this);
  }
}

/**
 * Runs iterations of `loop` until it must wait or a slice of time is used up. Returns the
 * loop's timeout when it must wait (> 0, Infinity when nothing is scheduled), -1 when the
 * slice ran out, 0 when the loop was stopped.
 */
function runSlice(loop: EventLoop, frame: RunFrame, driver: HostDriver): number {
  const sliceEnd = defaultClock.now() + SLICE_SECONDS;
  frame.enterThread();
  try {
    for (;;) {
      const wake = loop._wake;
      if (wake?.poll()) driver.streak.reset();
      const timeout = loop._computeTimeout();
      if (timeout > 0) return timeout;
      loop._runReady();
      if (loop._stopping) return 0;
      if (defaultClock.now() >= sliceEnd) return -1;
    }
  } finally {
    frame.leaveThread();
  }
}

/**
 * The host-mode run's idle wait: the host delivers I/O, timers and settlements meanwhile.
 * Not an async function: it runs twice per request/response on a socket, and returning the
 * wait's own promise saves an async frame and a promise each time.
 */
function idleOnHost(loop: EventLoop, driver: HostDriver, timeout: number): Promise<unknown> {
  if (loop._instruments !== null) return idleOnHostInstrumented(loop, driver, timeout);
  const real = driver.streak.realWait(loop, timeout, driver.outsidePending());
  // A virtual clock jumped: still give the host one turn so I/O is never starved.
  if (real <= 0) return yieldToHost();
  // Another thread's answer may be microseconds away (the I/O worker after nest-patch's
  // apply()): check the cell briefly, then give the host its turn without a full wait.
  // S1 (2,000 echo round trips, runAsync with sockets in the worker): 380–470 ms before,
  // 195–255 ms with it.
  if (loop._wake?.spinBeforeWait(real)) return yieldToHost();
  return driver.wait(real);
}

/** `idleOnHost` with the instruments' `beforeIdle` and `afterIdle` around the wait. */
async function idleOnHostInstrumented(
  loop: EventLoop,
  driver: HostDriver,
  timeout: number,
): Promise<void> {
  loop._notify('beforeIdle', timeout);
  const real = driver.streak.realWait(loop, timeout, driver.outsidePending());
  await (real > 0 ? driver.wait(real) : yieldToHost());
  loop._notify('afterIdle', undefined);
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
  const newTask = future !== (awaitable as unknown);
  const frame = RunFrame.enter(loop, future as Future<unknown>);
  frame.leaveThread();
  try {
    for (;;) {
      const timeout = runSlice(loop, frame, driver);
      if (timeout === 0) break;
      if (timeout < 0) await yieldToHost();
      else await idleOnHost(loop, driver, timeout);
    }
  } catch (error) {
    if (newTask && future.done() && !future.cancelled()) future.exception();
    throw error;
  } finally {
    frame.exit();
    loop._host = null;
  }
  if (!future.done()) throw new RuntimeError('Event loop stopped before Future completed.');
  return future.result();
}
