/**
 * Test helpers until @asyncio-ts/timers is a dev dependency: a virtual clock, sleep, and a
 * trace of what happened at which loop time.
 */
import {
  type Clock,
  type Coroutine,
  type EventLoop,
  type Future,
  getRunningLoop,
  run,
} from '@asyncio-ts/core-loop';

/** Jumps to each deadline the loop waits for: hours of sleeps take no real time. */
export class TestClock implements Clock {
  private t = 0;
  now(): number {
    return this.t;
  }
  idleUntil(deadline: number): number {
    if (deadline > this.t) this.t = deadline;
    return 0;
  }
}

function setUnlessCancelled<T>(future: Future<T>, value: T): void {
  if (!future.cancelled()) future.setResult(value);
}

/** asyncio.sleep: `delay <= 0` gives up the turn once. */
export function* sleep<T = void>(delay: number, result?: T): Coroutine<T> {
  if (delay <= 0) {
    yield;
    return result as T;
  }
  const loop = getRunningLoop();
  const future = loop.createFuture<T>();
  const handle = loop.callLater(delay, setUnlessCancelled, future, result as T);
  try {
    return yield* future;
  } finally {
    handle.cancel();
  }
}

/** Runs `main` with asyncio.run on a fresh virtual clock. */
export function runVirtual<T>(main: () => Coroutine<T>): T {
  return run(main, { clock: new TestClock() });
}

/** A list of `"<time> <event>"` lines, stamped with the running loop's time. */
export class Trace {
  readonly lines: string[] = [];
  log(event: string): void {
    this.lines.push(`${format(getRunningLoop().time())} ${event}`);
  }
}

function format(time: number): string {
  return Number.isInteger(time) ? String(time) : time.toFixed(3).replace(/0+$/, '');
}

/** A coroutine that sleeps `delay`, logs, and returns `value` (or throws `error`). */
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

/** `ClassName('message')`, like Python's repr of an exception. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}('${error.message}')`;
  return String(error);
}

/** The loop running the current test coroutine. */
export function loop(): EventLoop {
  return getRunningLoop();
}
