import { defaultClock } from './clock.js';
import { ensureFuture } from './ensure-future.js';
import { RuntimeError } from './errors.js';
import type { EventLoop, HostBridge } from './event-loop.js';
import { Future } from './future.js';
import { registry } from './registry.js';
import { stopLoopOf } from './stop-loop.js';
import type { Awaitable } from './types.js';

// While work keeps coming, hand control back to the host at least this often (4 ms), so
// host I/O (sockets, files, fetch) is not starved by a busy loop.
const SLICE_SECONDS = 0.004;

type NodeProcess = {
  once(event: 'beforeExit', listener: () => void): unknown;
  removeListener(event: 'beforeExit', listener: () => void): unknown;
};

function nodeProcess(): NodeProcess | null {
  const candidate = (globalThis as { process?: Partial<NodeProcess> }).process;
  return candidate !== undefined &&
    typeof candidate.once === 'function' &&
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
 * Connects a loop to the JS host while it runs in host mode: wakes the driver when work is
 * scheduled from host callbacks and turns native promises into futures of the loop.
 */
class HostDriver implements HostBridge {
  private resume: (() => void) | null = null;
  private fail: ((error: unknown) => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;
  private onBeforeExit: (() => void) | null = null;

  constructor(private readonly loop: EventLoop) {}

  wake(): void {
    const resume = this.resume;
    if (resume === null) return;
    this.settleWait();
    resume();
  }

  adopt(thenable: PromiseLike<unknown>): Future<unknown> {
    const loop = this.loop;
    const future = new Future<unknown>({ loop });
    future._sendsResult = true;
    const settle = (outcome: () => void): void => {
      // A cancelled waiter ignores the late settlement; a closed loop takes nothing.
      if (future.done() || loop.isClosed()) return;
      outcome();
    };
    try {
      thenable.then(
        (value) => settle(() => future.setResult(value)),
        (reason) => settle(() => future.setException(reason)),
      );
    } catch (error) {
      future.setException(error);
    }
    return future;
  }

  /** Waits `seconds` of real time, or (null) until woken; a wake-up ends either early. */
  wait(seconds: number | null): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.resume = resolve;
      this.fail = reject;
      if (seconds !== null) {
        this.timer = setTimeout(() => this.wake(), Math.ceil(seconds * 1000));
        return;
      }
      // Waiting with nothing scheduled: if the host runs out of work too, nothing can ever
      // wake the loop, so fail instead of letting the program end with the run unsettled.
      const proc = nodeProcess();
      if (proc !== null) {
        this.onBeforeExit = () => {
          this.onBeforeExit = null;
          const failWith = this.fail;
          this.settleWait();
          // Reject with whatever goes wrong: an exception escaping a host listener would
          // crash the process instead of reaching the caller of runAsync().
          let error: unknown;
          try {
            error = this.loop._deadlockError();
          } catch (failure) {
            error = failure;
          }
          failWith?.(error);
        };
        proc.once('beforeExit', this.onBeforeExit);
      }
    });
  }

  private settleWait(): void {
    this.resume = null;
    this.fail = null;
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.onBeforeExit !== null) {
      nodeProcess()?.removeListener('beforeExit', this.onBeforeExit);
      this.onBeforeExit = null;
    }
  }
}

/**
 * Runs iterations of `loop` until it must wait or a slice of time is used up. Returns the
 * loop's timeout when it must wait (> 0, Infinity when nothing is scheduled), -1 when the
 * slice ran out, 0 when the loop was stopped.
 */
function runSlice(loop: EventLoop): number {
  const sliceEnd = defaultClock.now() + SLICE_SECONDS;
  registry.running = loop;
  try {
    for (;;) {
      const timeout = loop._computeTimeout();
      if (timeout > 0) return timeout;
      loop._runReady();
      if (loop._stopping) return 0;
      if (defaultClock.now() >= sliceEnd) return -1;
    }
  } finally {
    registry.running = null;
  }
}

/**
 * `loop.runUntilCompleteAsync(aw)`: the same iterations as `runUntilComplete`, run in slices
 * on the host's event loop; between slices the host delivers I/O, timers and promise
 * settlements. The loop counts as running (`getRunningLoop()`) only inside slices.
 */
export async function runUntilCompleteAsync<T>(
  loop: EventLoop,
  awaitable: Awaitable<T> | PromiseLike<T>,
): Promise<T> {
  loop._checkClosed();
  loop._checkRunning();
  const driver = new HostDriver(loop);
  loop._host = driver;
  loop._running = true;
  let future: Future<T>;
  try {
    future = ensureFuture(awaitable, { loop });
  } catch (error) {
    loop._host = null;
    loop._running = false;
    throw error;
  }
  const newTask = future !== (awaitable as unknown);
  future.addDoneCallback(stopLoopOf);
  const previousWaiting = loop._waitingOn;
  loop._waitingOn = future as Future<unknown>;
  try {
    for (;;) {
      const timeout = runSlice(loop);
      if (timeout === 0) break;
      if (timeout < 0) {
        await yieldToHost();
        continue;
      }
      const instruments = loop._instruments;
      if (instruments !== null) loop._notify('beforeIdle', timeout);
      if (timeout === Number.POSITIVE_INFINITY) {
        await driver.wait(null);
      } else {
        const deadline = loop._timers.peek()?._when ?? loop.time();
        const real = loop._clock.idleUntil(deadline);
        // A virtual clock jumped: still give the host one turn so I/O is never starved.
        await (real > 0 ? driver.wait(real) : yieldToHost());
      }
      if (instruments !== null) loop._notify('afterIdle', undefined);
    }
  } catch (error) {
    if (newTask && future.done() && !future.cancelled()) future.exception();
    throw error;
  } finally {
    loop._stopping = false;
    loop._running = false;
    loop._host = null;
    loop._waitingOn = previousWaiting;
    future.removeDoneCallback(stopLoopOf);
  }
  if (!future.done()) throw new RuntimeError('Event loop stopped before Future completed.');
  return future.result();
}
