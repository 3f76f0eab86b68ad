/**
 * The shared test helpers plus those built on the sibling packages: timers' `sleep`,
 * `waitFor` and `VirtualClock`, gather's `gather` and `wait`.
 */
import {
  type Coroutine,
  type EventLoop,
  type Future,
  getRunningLoop,
  run,
} from '@asyncio-ts/core-loop';
import { gather, wait } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { describeError, Trace } from './index.js';

export { waitFor } from '@asyncio-ts/timers';
export * from './hardening.js';
export * from './index.js';
// timers' sleep, not index's minimal one.
export { sleep };

/** Runs `main` with `run()` on a fresh VirtualClock (starting at `options.start`, default 0). */
export function runVirtual<T>(main: () => Coroutine<T>, options?: { start?: number }): T {
  const clock = new VirtualClock(options?.start === undefined ? {} : { start: options.start });
  return run(main, { clock });
}

/**
 * Runs `main(trace)` with `run()` on a fresh VirtualClock; returns its result, the trace's
 * lines and the clock.
 */
export function runTraced<T>(
  main: (trace: Trace) => Coroutine<T>,
  options?: { start?: number },
): { result: T; lines: string[]; clock: VirtualClock } {
  const clock = new VirtualClock(options?.start === undefined ? {} : { start: options.start });
  const trace = new Trace();
  const result = run(() => main(trace), { clock });
  return { result, lines: trace.lines, clock };
}

/** A coroutine that logs its start, sleeps `delay`, logs, and returns `value` (or throws `error`). */
export function* job<T>(
  trace: Trace,
  name: string,
  delay: number,
  value: T,
  error?: unknown,
): Coroutine<T> {
  trace.log(`${name} start`);
  try {
    yield* sleep(delay);
  } catch (exception) {
    trace.log(`${name} ${describeError(exception)}`);
    throw exception;
  }
  if (error !== undefined) {
    trace.log(`${name} fails`);
    throw error;
  }
  trace.log(`${name} done`);
  return value;
}

/** The loop running the current test coroutine. */
export function loop(): EventLoop {
  return getRunningLoop();
}

/** asyncio.gather of coroutines, results in order. */
export function gatherAll<T>(coros: Coroutine<T>[]): Future<T[]> {
  return gather(coros) as Future<T[]>;
}

/** asyncio.wait(futures) (ALL_COMPLETED, no timeout): `[done, pending]`. */
export function waitAll<T>(futures: Future<T>[]): Coroutine<[Set<Future<T>>, Set<Future<T>>]> {
  return wait(futures) as Coroutine<[Set<Future<T>>, Set<Future<T>>]>;
}
