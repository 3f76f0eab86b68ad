import type { TransferListItem } from 'node:worker_threads';
import type { EventLoop, Future } from '@asyncio-ts/core-loop';
import { type ErrorDescription, rebuildError, WorkerDiedError } from './errors.js';

/** One call submitted to a ThreadPoolExecutor (concurrent.futures' `_WorkItem`). */
export interface Job {
  readonly id: number;
  /** The module's href and the export, as the worker imports and calls them. */
  readonly module: string;
  readonly exportName: string;
  readonly args: unknown[];
  readonly transferList: TransferListItem[];
  /** The loop whose future gets the outcome, and that future. */
  readonly loop: EventLoop;
  readonly future: Future<unknown>;
  /**
   * queued: not sent to a worker yet; running: sent to a worker (started, or next in its
   * line, where cancelling it still skips it); finished: settled or dropped.
   */
  state: 'queued' | 'running' | 'finished';
  /** Ends the loop's record of outside work (see delivery.ts). */
  done: () => void;
}

/** What a worker posts back for a job. */
export type JobOutcome =
  | { id: number; ok: true; value: unknown }
  | {
      id: number;
      ok: false;
      failure: 'throw' | 'module' | 'export' | 'not-function' | 'clone' | 'skipped';
      error?: ErrorDescription;
      type?: string;
    };

/** `"name" from module`, the way every error of a job names its work. */
export function describeJob(job: Job): string {
  return `"${job.exportName}" from ${job.module}`;
}

/** The error a failed outcome is re-thrown as in the awaiting task. */
export function outcomeError(job: Job, outcome: JobOutcome & { ok: false }): Error {
  const { error } = outcome;
  switch (outcome.failure) {
    case 'throw':
      return error === undefined ? new Error(`${describeJob(job)} failed`) : rebuildError(error);
    case 'module':
      return rebuildError(
        error ?? { name: 'Error', message: 'import failed', stack: undefined },
        `cannot import module ${job.module} (to call its export "${job.exportName}") in a worker thread: ${error?.message}`,
      );
    case 'export':
      return new TypeError(`module ${job.module} has no export named "${job.exportName}"`);
    case 'not-function':
      return new TypeError(
        `export "${job.exportName}" of module ${job.module} is not a function (it is ${outcome.type})`,
      );
    case 'skipped':
      // Cancelled before it started: the future is cancelled already, this is dropped.
      return new Error(`${describeJob(job)} was cancelled before it started`);
    case 'clone':
      return new TypeError(
        `the result of ${describeJob(job)} cannot be sent back from the worker thread (structured clone failed: ${error?.message})`,
      );
  }
}

/** The error of a job whose worker died under it. */
export function diedError(job: Job, code: number, cause: ErrorDescription | undefined): Error {
  let why: string;
  if (cause?.code === 'ERR_WORKER_OUT_OF_MEMORY') why = 'it ran out of memory';
  else if (cause !== undefined) why = `an uncaught ${cause.name} ended it: ${cause.message}`;
  else why = `it exited with code ${code} (process.exit() in the worker?)`;
  return new WorkerDiedError(
    `the worker thread running ${describeJob(job)} died before it returned: ${why}`,
    code,
    cause === undefined ? undefined : { cause: rebuildError(cause) },
  );
}

/** Settles the job's future with `outcome`; a cancelled future (or closed loop) drops it. */
export function settle(job: Job, outcome: JobOutcome): void {
  finish(
    job,
    outcome.ok ? null : outcomeError(job, outcome),
    outcome.ok ? outcome.value : undefined,
  );
}

/** Ends a job that will never run (it was cancelled before a worker took it). */
export function abandon(job: Job): void {
  if (job.state === 'finished') return;
  job.state = 'finished';
  job.done();
}

/** Settles the job's future with `error`, or with `value` when error is null. */
export function finish(job: Job, error: Error | null, value?: unknown): void {
  if (job.state === 'finished') return;
  job.state = 'finished';
  job.done();
  const { future } = job;
  if (future.done() || job.loop.isClosed()) return;
  if (error === null) future.setResult(value);
  else future.setException(error);
}
