import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { ownOption } from '@asyncio-ts/core-loop/internal';
import { gather } from '@asyncio-ts/gather';
import { sleep } from '@asyncio-ts/timers';
import { type BaselineOptions, runSequential } from './run-sequential.js';
import type { Job, JobSpan, Timeline } from './timeline.js';

/** Both runs of the same jobs and how much faster the concurrent one was. */
export interface Comparison {
  /** One job after another, each blocking the thread (`time.sleep`). */
  readonly blocking: Timeline;
  /** All jobs gathered on one loop (`asyncio.gather` of `asyncio.sleep`). */
  readonly concurrent: Timeline;
  /** `blocking.total / concurrent.total` (1 when there was nothing to wait for). */
  readonly speedup: number;
}

function* gatherSleeps(jobs: readonly Job[]): Coroutine<Timeline> {
  const loop = getRunningLoop();
  const origin = loop.time();
  const spans: JobSpan[] = [];
  function* job(index: number, { name, seconds }: Job): Coroutine<void> {
    const start = loop.time() - origin;
    yield* sleep(seconds);
    spans[index] = { name, start, end: loop.time() - origin };
  }
  yield* gather(jobs.map((each, index) => job(index, each)));
  return { spans, total: loop.time() - origin };
}

/**
 * The notebook's lesson as a measurement: runs the same named jobs once blocking (one after
 * another with `sleepSync`) and once concurrently (`gather` of `sleep` in `run()`), and
 * returns both timelines. Jobs of 2 s and 2 s take 4 s blocking and 2 s concurrently.
 */
export function compare(jobs: readonly Job[], options: BaselineOptions = {}): Comparison {
  const blocking = runSequential(jobs, options);
  const clock = ownOption(options, 'clock');
  const concurrent = run(gatherSleeps(jobs), clock === undefined ? {} : { clock });
  const speedup = concurrent.total > 0 ? blocking.total / concurrent.total : 1;
  return { blocking, concurrent, speedup };
}
