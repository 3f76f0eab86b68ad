import { availableParallelism } from 'node:os';
import type { ResourceLimits } from 'node:worker_threads';
import {
  type Coroutine,
  type EventLoop,
  type Executor,
  type ExecutorShutdownOptions,
  type Future,
  getRunningLoop,
  RuntimeError,
} from '@asyncio-ts/core-loop';
import { linkJob, wakeCell } from './delivery.js';
import { abandon, type Job } from './job.js';
import { checkExportName, moduleHref } from './module-ref.js';
import { unwrapArgs } from './transfer.js';
import { type Slot, WorkerPool } from './worker-pool.js';

/** Options of `new ThreadPoolExecutor()`. */
export interface ThreadPoolExecutorOptions {
  /**
   * Most worker threads at once (default: the number of cores, `os.availableParallelism()`;
   * asyncio's min(32, cores + 4) is for OS threads, see the README); more work waits.
   */
  maxWorkers?: number;
  /** Memory limits of each worker thread (node:worker_threads' resourceLimits). */
  resourceLimits?: ResourceLimits;
  /** Worker thread names are `${threadNamePrefix}_${n}` (shown in debuggers and heap dumps). */
  threadNamePrefix?: string;
}

let nextJobId = 1;

/**
 * concurrent.futures.ThreadPoolExecutor on worker threads: work is named by module and
 * export, arguments and results cross by structured clone, at most `maxWorkers` threads
 * run at once and the rest waits in FIFO order. Threads start on demand.
 * @example
 * const pool = new ThreadPoolExecutor({ maxWorkers: 2 });
 * const n = yield* pool.submit(new URL('./primes.js', import.meta.url), 'countPrimes', 1e7);
 * yield* pool.shutdown();
 */
export class ThreadPoolExecutor implements Executor {
  /** The most worker threads this executor runs at once. */
  readonly maxWorkers: number;
  private readonly pool: WorkerPool;
  private readonly queue: Job[] = [];
  private readonly idle: Slot[] = [];
  private shutDown = false;
  /** The wake cell of a loop waiting in `shutdown()`, handed to every worker's stop. */
  private stopCell: Int32Array | undefined = undefined;

  constructor(options: ThreadPoolExecutorOptions = {}) {
    const { maxWorkers, resourceLimits, threadNamePrefix } = options;
    if (maxWorkers === undefined) {
      this.maxWorkers = Math.max(1, availableParallelism());
    } else if (!Number.isInteger(maxWorkers) || maxWorkers <= 0) {
      throw new RangeError(`maxWorkers must be a positive integer, got ${String(maxWorkers)}`);
    } else this.maxWorkers = maxWorkers;
    this.pool = new WorkerPool(
      {
        idle: (slot) => this.onIdle(slot),
        gone: (slot) => this.onGone(slot),
        requeue: (jobs) => {
          this.queue.unshift(...jobs);
          this.dispatch();
        },
      },
      { resourceLimits, name: threadNamePrefix ?? 'ThreadPoolExecutor' },
    );
  }

  /**
   * Starts `exportName(...args)` from `module` on a worker thread and returns a Future of
   * the running loop for its result (concurrent.futures' `submit`, wrapped as asyncio's
   * `wrap_future` does). Cancelling the future cancels the work if it has not started.
   */
  submit<R = unknown>(module: string | URL, exportName: string, ...args: unknown[]): Future<R> {
    return this.submitTo<R>(getRunningLoop(), module, exportName, args);
  }

  /** `submit` for a given loop (what `loop.runInExecutor(executor, ...)` calls). */
  submitTo<R = unknown>(
    loop: EventLoop,
    module: string | URL,
    exportName: string,
    args: readonly unknown[],
  ): Future<R> {
    const href = moduleHref(module, 'ThreadPoolExecutor.submit');
    const name = checkExportName(exportName, 'ThreadPoolExecutor.submit');
    if (this.shutDown) throw new RuntimeError('cannot schedule new futures after shutdown');
    const future = loop.createFuture<R>();
    const { args: plain, transferList } = unwrapArgs(args);
    const job: Job = {
      id: nextJobId++,
      module: href,
      exportName: name,
      args: plain,
      transferList,
      loop,
      future: future as Future<unknown>,
      state: 'queued',
      done: linkJob(loop, this.pool, `"${name}" from ${href} on a worker thread`),
    };
    future.addDoneCallback(() => {
      // Cancelled before it started: it never runs (concurrent Future.cancel()). Once
      // started, it runs to completion and its outcome is dropped.
      if (!future.cancelled()) return;
      if (job.state === 'queued') abandon(job);
      else if (job.state === 'running') this.pool.skipUnstarted(job);
    });
    this.queue.push(job);
    this.dispatch();
    return future;
  }

  /**
   * Stops taking work, at once (when called, not when the coroutine is iterated); with
   * `cancelFutures` the work that has not started is cancelled. Work that has started runs
   * to completion. The coroutine ends when every worker thread has stopped (`wait`, the
   * default) or at once (`wait: false`).
   */
  shutdown(options: ExecutorShutdownOptions = {}): Coroutine<void> {
    const { wait = true, cancelFutures = false } = options;
    this.shutDown = true;
    if (cancelFutures) {
      for (const job of this.queue.splice(0)) {
        if (job.state !== 'queued') continue;
        abandon(job);
        job.future.cancel();
      }
      // Sent to a worker but not started: skipped there.
      for (const slot of this.pool.all()) {
        for (const job of slot.jobs.slice(1)) {
          job.future.cancel();
          this.pool.skipUnstarted(job);
        }
      }
    }
    this.stopIdle();
    return wait ? this.waitStopped() : noWait();
  }

  /** True once `shutdown()` was called. */
  isShutdown(): boolean {
    return this.shutDown;
  }

  private *waitStopped(): Coroutine<void> {
    if (this.pool.size === 0 && this.queue.length === 0) {
      this.pool.close();
      return;
    }
    const loop = getRunningLoop();
    const stopped = loop.createFuture<void>();
    const done = linkJob(loop, this.pool, 'the shutdown of a ThreadPoolExecutor');
    this.whenIdleAndEmpty(() => {
      done();
      this.pool.close();
      if (!stopped.done() && !loop.isClosed()) stopped.setResult(undefined);
    });
    // Wake a loop blocked in run() when the last worker ends.
    this.stopCell = wakeCell(loop);
    for (const slot of this.pool.all()) if (slot.stopping) this.pool.stop(slot, this.stopCell);
    yield* stopped;
  }

  private whenIdleAndEmpty(callback: () => void): void {
    // Queued work still runs after a shutdown without cancelFutures, as in concurrent.futures.
    this.pool.whenEmpty(() => {
      if (this.queue.length === 0) callback();
      else this.whenIdleAndEmpty(callback);
    });
  }

  /**
   * Hands queued jobs to idle workers, starting workers up to maxWorkers; when every worker
   * is busy, a worker running one job gets the next in line (sent ahead, so the worker starts
   * it without waiting for a round trip through the loop; it is still "not started").
   */
  private dispatch(): void {
    const queue = this.queue;
    while (queue.length > 0) {
      const job = queue[0] as Job;
      if (job.state !== 'queued' || job.future.done()) {
        queue.shift();
        if (job.state === 'queued') abandon(job);
        continue;
      }
      let slot = this.idle.pop();
      if (slot === undefined && this.pool.size < this.maxWorkers) slot = this.pool.spawn(job.loop);
      if (slot === undefined) slot = this.aheadSlot();
      if (slot === undefined) return;
      queue.shift();
      if (!this.pool.run(slot, job, wakeCell(job.loop)) && slot.jobs.length === 0) {
        this.idle.push(slot);
      }
    }
  }

  /** A worker running exactly one job, that can take the next one ahead. */
  private aheadSlot(): Slot | undefined {
    for (const slot of this.pool.all()) {
      if (slot.jobs.length === 1 && !slot.stopping) return slot;
    }
    return undefined;
  }

  private onIdle(slot: Slot): void {
    if (slot.jobs.length === 0 && !this.idle.includes(slot)) this.idle.push(slot);
    this.dispatch();
    if (this.shutDown) this.stopIdle();
  }

  private onGone(slot: Slot): void {
    const at = this.idle.indexOf(slot);
    if (at >= 0) this.idle.splice(at, 1);
    // A worker that died is replaced when there is work for it.
    this.dispatch();
    if (this.shutDown && this.pool.size === 0 && this.queue.length === 0) this.pool.close();
  }

  private stopIdle(): void {
    if (this.queue.length > 0) return;
    for (const slot of this.idle.splice(0)) this.pool.stop(slot, this.stopCell);
  }
}

function* noWait(): Coroutine<void> {}
