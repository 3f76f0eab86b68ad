/**
 * The test helpers every package's tests share (core-loop only; see `./full.ts` for the ones
 * that need the sibling packages). One time format for every trace: `t=<seconds> <event>`.
 */
import {
  type Awaitable,
  type Clock,
  type Coroutine,
  EventLoop,
  getRunningLoop,
  type Task,
} from '@asyncio-ts/core-loop';
import { repr } from '@asyncio-ts/core-loop/internal';

export { collectGarbage, collectUntil, nextTurn } from './gc.js';

/** A time as traces show it: `3`, `0.5`, `1.235` (at most 3 decimals, no trailing zeros). */
export function formatTime(seconds: number): string {
  if (Number.isInteger(seconds)) return String(seconds);
  return seconds.toFixed(3).replace(/\.?0+$/, '');
}

/** A list of `"t=<loop time> <event>"` lines, stamped with the running loop's time. */
export class Trace {
  readonly lines: string[] = [];
  /** `loop` gives the loop whose time stamps the lines (default: the running loop). */
  constructor(private readonly loop: () => EventLoop = getRunningLoop) {}

  /** Appends `t=<time> <event>`. */
  log(event: string): void {
    this.lines.push(`t=${formatTime(this.loop().time())} ${event}`);
  }
}

/** A Clock that jumps to each deadline instead of waiting: exact, instant times (rate 0). */
export class JumpClock implements Clock {
  t: number;
  /** Every deadline the loop idled until, in order. */
  readonly idles: number[] = [];

  constructor(start = 0) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  /**
   * Jumps to `deadline`, unless something outside the loop is pending (`outsideIdleFor` is
   * set): then, like timers' VirtualClock (trio's autojump rule), time stands still and the
   * loop waits in real time until what is pending arrives.
   */
  idleUntil(deadline: number, outsideIdleFor?: number): number {
    if (outsideIdleFor !== undefined) return Number.POSITIVE_INFINITY;
    this.idles.push(deadline);
    if (deadline > this.t) this.t = deadline;
    return 0;
  }

  /** Moves time forward by hand (a callback "taking" `seconds`). */
  advance(seconds: number): void {
    this.t += seconds;
  }
}

/** A new loop (not running, debug off) on a fresh JumpClock. */
export function jumpLoop(options?: { debug?: boolean; start?: number }): {
  loop: EventLoop;
  clock: JumpClock;
} {
  const clock = new JumpClock(options?.start ?? 0);
  const loop = new EventLoop({ clock, debug: options?.debug ?? false });
  return { loop, clock };
}

/**
 * A minimal asyncio.sleep on the running loop (a future resolved by a timer; a bare yield
 * for <= 0), so core-loop's tests do not depend on the timers package.
 */
export function* sleep<T = undefined>(delay: number, result?: T): Coroutine<T> {
  if (delay <= 0) {
    yield;
    return result as T;
  }
  const loop = getRunningLoop();
  const future = loop.createFuture<T>();
  const timer = loop.callLater(delay, () => {
    if (!future.done()) future.setResult(result as T);
  });
  try {
    return yield* future;
  } finally {
    timer.cancel();
  }
}

/** Collects the exception handler's contexts instead of logging them. */
export function captureExceptions(loop: EventLoop): { message: string; exception?: unknown }[] {
  const seen: { message: string; exception?: unknown }[] = [];
  loop.setExceptionHandler((_loop, context) => {
    seen.push(
      context.exception === undefined
        ? { message: context.message }
        : { message: context.message, exception: context.exception },
    );
  });
  return seen;
}

/** The error `fn` throws (fails the test if it does not throw). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw');
}

/** Awaits `body` and returns what it threw (fails the test if it did not throw). */
export function* caught(body: Awaitable<unknown>): Coroutine<unknown> {
  try {
    yield* body;
  } catch (error) {
    return error;
  }
  throw new Error('expected the body to throw');
}

/** Starts `coro` as a task on the running loop. */
export function spawn<T>(coro: Coroutine<T>, name?: string): Task<T> {
  return getRunningLoop().createTask(coro, name === undefined ? {} : { name });
}

/** Awaits every task in order and returns their results (a stand-in for gather). */
export function* all<T>(tasks: Task<T>[]): Coroutine<T[]> {
  const results: T[] = [];
  for (const task of tasks) results.push(yield* task);
  return results;
}

/**
 * An error as Python shows it, through core-loop's one `repr` (`Boom('x')`,
 * `CancelledError()`); any other value (a result in a returnExceptions list) as `String()`.
 */
export function describeError(error: unknown): string {
  return error instanceof Error ? repr(error) : String(error);
}
