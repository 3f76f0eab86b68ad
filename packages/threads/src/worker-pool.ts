import {
  MessageChannel,
  type MessagePort,
  type ResourceLimits,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
import { defaultClock, type EventLoop, RuntimeError } from '@asyncio-ts/core-loop';
import { wakeCell } from './delivery.js';
import type { ErrorDescription } from './errors.js';
import { describeJob, diedError, finish, type Job, type JobOutcome, settle } from './job.js';

const supervisorScript = new URL('./workers/supervisor.mjs', import.meta.url);

// How long the supervisor thread may take to start, and how often a blocked loop looks.
const STARTUP_SECONDS = 10;
const STARTUP_PROBE_SECONDS = 0.5;

/**
 * The Node options of the pool's threads: the process's, less those that apply only to the
 * main script (`--input-type` would make every worker's entry point fail to load).
 */
function workerExecArgv(): string[] {
  return process.execArgv.filter((arg) => !arg.startsWith('--input-type'));
}

/** What the supervisor reports when a worker thread has ended. */
interface ExitReport {
  slot: number;
  code: number;
  error: ErrorDescription | undefined;
}

/** One worker thread as the loop's thread sees it: its port and the job it runs. */
export interface Slot {
  readonly id: number;
  readonly port: MessagePort;
  /** Jobs sent to this worker, in order: the first has started (or is about to). */
  readonly jobs: Job[];
  /** The id of a job sent but not started that the worker must skip (shared with it). */
  readonly skip: Int32Array;
  /** Asked to stop: its end is expected, not a death. */
  stopping: boolean;
  /**
   * The wake cells the supervisor and the worker know for this slot. A job message carries
   * a cell (and the supervisor is told) only when it changes: most calls are one message.
   */
  cell: Int32Array | undefined;
  workerCell: Int32Array | undefined;
}

/** What the pool tells its owner (the executor). */
export interface PoolEvents {
  /** A slot finished a job and can take another. */
  idle(slot: Slot): void;
  /** A slot is gone (stopped or died): the executor may start another in its place. */
  gone(slot: Slot): void;
  /** Jobs sent to a worker that died before starting them: they go back to the queue. */
  requeue(jobs: Job[]): void;
}

/** Options of the pool's threads. */
export interface PoolOptions {
  resourceLimits?: ResourceLimits | undefined;
  name?: string | undefined;
}

/**
 * The worker threads of one executor, started by a supervisor thread that reports their
 * ends. Results come back on one MessagePort per worker: as 'message' events while the
 * host's event loop runs, or drained with receiveMessageOnPort (`drain()`) by a blocked loop.
 */
export class WorkerPool {
  private supervisor: Worker | null = null;
  private report: MessagePort | null = null;
  private readonly slots = new Map<number, Slot>();
  private nextSlot = 1;
  /**
   * Jobs running now. While there are any (or a shutdown waits), the report port keeps the
   * process alive: it delivers a worker's death, when no result will ever come.
   */
  private busy = 0;
  /** Called after the last slot is gone. */
  private emptied: (() => void)[] = [];

  constructor(
    private readonly events: PoolEvents,
    private readonly options: PoolOptions,
  ) {}

  /** Live worker threads (started, not yet gone). */
  get size(): number {
    return this.slots.size;
  }

  /** Slots alive now. */
  all(): IterableIterator<Slot> {
    return this.slots.values();
  }

  /** Starts one more worker thread. */
  spawn(loop: EventLoop): Slot {
    const supervisor = this.startSupervisor(loop);
    const { port1, port2 } = new MessageChannel();
    const cell = wakeCell(loop);
    const slot: Slot = {
      id: this.nextSlot++,
      port: port1,
      jobs: [],
      skip: new Int32Array(new SharedArrayBuffer(4)),
      stopping: false,
      cell,
      workerCell: undefined,
    };
    this.slots.set(slot.id, slot);
    port1.on('message', (outcome: JobOutcome) => {
      this.onOutcome(slot, outcome);
      // Take every other outcome that has arrived now: one loop slice then settles them all.
      this.drain();
    });
    port1.unref();
    const message: Record<string, unknown> = {
      type: 'spawn',
      slot: slot.id,
      port: port2,
      cell,
      skip: slot.skip,
    };
    if (this.options.resourceLimits !== undefined) {
      message.resourceLimits = this.options.resourceLimits;
    }
    if (this.options.name !== undefined) message.name = `${this.options.name}_${slot.id}`;
    supervisor.postMessage(message, [port2]);
    return slot;
  }

  /**
   * Sends `job` to `slot` (idle, or running one job: then it is next in the worker's line).
   * False when an argument cannot be cloned: then the job has failed with a TypeError that
   * names it, and the slot is as it was.
   */
  run(slot: Slot, job: Job, cell: Int32Array | undefined): boolean {
    // The worker keeps the cell it was last sent and notifies it after every outcome.
    const newCell = cell !== slot.workerCell;
    const message = {
      id: job.id,
      module: job.module,
      exportName: job.exportName,
      args: job.args,
      cell: newCell ? cell : undefined,
    };
    try {
      slot.port.postMessage(message, job.transferList);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      finish(
        job,
        new TypeError(
          `an argument of ${describeJob(job)} cannot be sent to a worker thread (structured clone failed: ${detail})`,
        ),
      );
      return false;
    }
    job.state = 'running';
    slot.jobs.push(job);
    if (this.busy++ === 0) this.report?.ref();
    slot.workerCell = cell;
    if (cell !== slot.cell) {
      slot.cell = cell;
      this.supervisor?.postMessage({ type: 'cell', slot: slot.id, cell });
    }
    return true;
  }

  /** Stops the idle `slot`; `cell` is the wake cell of a loop that waits for its end. */
  stop(slot: Slot, cell: Int32Array | undefined): void {
    // Stopping already: only the cell to wake is new.
    const type = slot.stopping ? 'cell' : 'stop';
    slot.stopping = true;
    this.supervisor?.postMessage({ type, slot: slot.id, cell });
  }

  /** Calls `callback` once no worker thread is left (at once if none is). */
  whenEmpty(callback: () => void): void {
    if (this.slots.size === 0) callback();
    else {
      this.emptied.push(callback);
      this.report?.ref();
    }
  }

  /** Delivers every result and every worker end that has arrived, without the host's loop. */
  drain(): void {
    for (const slot of this.slots.values()) this.drainSlot(slot);
    const report = this.report;
    if (report === null) return;
    for (;;) {
      const received = receiveMessageOnPort(report);
      if (received === undefined) break;
      this.onExit(received.message as ExitReport);
    }
  }

  private drainSlot(slot: Slot): void {
    for (;;) {
      const received = receiveMessageOnPort(slot.port);
      if (received === undefined) return;
      this.onOutcome(slot, received.message as JobOutcome);
    }
  }

  private startSupervisor(loop: EventLoop): Worker {
    if (this.supervisor !== null) return this.supervisor;
    const { port1, port2 } = new MessageChannel();
    const ready = new Int32Array(new SharedArrayBuffer(4));
    const supervisor = new Worker(supervisorScript, {
      workerData: { report: port2, ready, execArgv: workerExecArgv() },
      transferList: [port2],
      execArgv: workerExecArgv(),
    });
    // Neither the supervisor nor an idle worker keeps the process alive; a running job does.
    supervisor.unref();
    port1.on('message', (report: ExitReport) => this.onExit(report));
    port1.unref();
    // Seen while the host's event loop runs (runAsync); a blocked loop relies on the probe.
    supervisor.on('error', (error) => this.supervisorFailed(supervisor, error));
    this.supervisor = supervisor;
    this.report = port1;
    this.probeStart(loop, supervisor, ready, defaultClock.now());
    return supervisor;
  }

  /**
   * A blocked loop cannot see the supervisor's 'error' event: until the supervisor says it
   * is up (`ready`), a timer on the loop looks, and fails the jobs after STARTUP_SECONDS.
   */
  private probeStart(loop: EventLoop, supervisor: Worker, ready: Int32Array, since: number): void {
    loop.callLater(STARTUP_PROBE_SECONDS, () => {
      if (this.supervisor !== supervisor || Atomics.load(ready, 0) !== 0) return;
      if (defaultClock.now() - since < STARTUP_SECONDS) {
        if (!loop.isClosed()) this.probeStart(loop, supervisor, ready, since);
        return;
      }
      this.supervisorFailed(
        supervisor,
        new RuntimeError(`it did not start within ${STARTUP_SECONDS} seconds`),
      );
    });
  }

  /** The supervisor thread failed: every job on the pool fails; the next job starts anew. */
  private supervisorFailed(supervisor: Worker, error: unknown): void {
    if (this.supervisor !== supervisor) return;
    const detail = error instanceof Error ? error.message : String(error);
    const failure = new RuntimeError(
      `the worker pool's supervisor thread failed (${detail}): the work could not run`,
      { cause: error },
    );
    const slots = [...this.slots.values()];
    this.slots.clear();
    this.supervisor = null;
    this.report?.close();
    this.report = null;
    this.busy = 0;
    void supervisor.terminate();
    for (const slot of slots) {
      slot.port.close();
      for (const job of slot.jobs.splice(0)) finish(job, failure);
      this.events.gone(slot);
    }
    this.onEmpty();
  }

  /** Skips `job` if it was sent to a worker that has not started it; false if it started. */
  skipUnstarted(job: Job): boolean {
    for (const slot of this.slots.values()) {
      const at = slot.jobs.indexOf(job);
      if (at > 0) {
        Atomics.store(slot.skip, 0, job.id);
        return true;
      }
      if (at === 0) return false;
    }
    return false;
  }

  private onOutcome(slot: Slot, outcome: JobOutcome): void {
    const job = slot.jobs[0];
    if (job === undefined || job.id !== outcome.id) return;
    slot.jobs.shift();
    this.idleAgain();
    settle(job, outcome);
    if (this.slots.has(slot.id)) this.events.idle(slot);
  }

  private onExit(report: ExitReport): void {
    const slot = this.slots.get(report.slot);
    if (slot === undefined) return;
    // A result posted just before the end is delivered, not lost.
    this.drainSlot(slot);
    this.slots.delete(slot.id);
    slot.port.close();
    const [started, ...waiting] = slot.jobs.splice(0);
    if (started !== undefined) {
      this.idleAgain();
      finish(started, diedError(started, report.code, report.error));
    }
    for (const job of waiting) {
      this.idleAgain();
      job.state = 'queued';
    }
    if (waiting.length > 0) this.events.requeue(waiting);
    this.events.gone(slot);
    if (this.slots.size === 0) this.onEmpty();
  }

  /** A job ended: without running jobs (or a shutdown waiting) the process may exit. */
  private idleAgain(): void {
    if (--this.busy === 0 && this.emptied.length === 0) this.report?.unref();
  }

  private onEmpty(): void {
    const callbacks = this.emptied;
    this.emptied = [];
    if (this.busy === 0) this.report?.unref();
    for (const callback of callbacks) callback();
  }

  /** Ends the supervisor thread (after every worker has gone). */
  close(): void {
    const supervisor = this.supervisor;
    if (supervisor === null) return;
    this.supervisor = null;
    this.report?.close();
    this.report = null;
    void supervisor.terminate();
  }
}
