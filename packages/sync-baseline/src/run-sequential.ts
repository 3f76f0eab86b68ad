import type { Clock } from '@asyncio-ts/core-loop';
import { ownOption } from '@asyncio-ts/core-loop/internal';
import { perfCounter } from './perf-counter.js';
import { checkSleepLength, sleepSync } from './sleep-sync.js';
import type { Job, JobSpan, SequentialJob, Timeline } from './timeline.js';

/** Options of `runSequential()` and `compare()`. */
export interface BaselineOptions {
  /** Measure and sleep on this clock (a `VirtualClock` replays instantly) instead of real time. */
  readonly clock?: Clock;
}

function checkJob(job: Job | SequentialJob): void {
  if (typeof job !== 'object' || job === null || typeof job.name !== 'string') {
    throw new TypeError(
      `expected a job { name, seconds } or { name, run }, received ${String(job)}`,
    );
  }
  if ('run' in job) {
    if (typeof job.run !== 'function') {
      throw new TypeError(`job ${job.name}: run must be a function, received ${typeof job.run}`);
    }
  } else {
    checkSleepLength(job.seconds, `job ${job.name} seconds`);
  }
}

/**
 * Runs jobs one after another on this thread, as the notebook's `task1(); task2()` does:
 * a `{ name, seconds }` job blocks with `sleepSync`, a `{ name, run }` job calls `run`.
 * Returns when each job started and ended, from the start of the run.
 */
export function runSequential(
  jobs: readonly (Job | SequentialJob)[],
  options: BaselineOptions = {},
): Timeline {
  for (const job of jobs) checkJob(job);
  const clock = ownOption(options, 'clock');
  const now = clock === undefined ? perfCounter : () => clock.now();
  const sleepOptions = clock === undefined ? {} : { clock };
  const origin = now();
  const spans: JobSpan[] = [];
  for (const job of jobs) {
    const start = now() - origin;
    if ('run' in job) job.run();
    else sleepSync(job.seconds, sleepOptions);
    spans.push({ name: job.name, start, end: now() - origin });
  }
  return { spans, total: now() - origin };
}
