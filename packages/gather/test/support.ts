/**
 * Test helpers: runs on timers' VirtualClock (and re-exports its sleep), and a trace of what
 * happened at which loop time.
 */
import { type Coroutine, type EventLoop, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';

export { sleep };

/** Runs `main` with asyncio.run on a fresh virtual clock. */
export function runVirtual<T>(main: () => Coroutine<T>): T {
  return run(main, { clock: new VirtualClock() });
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
