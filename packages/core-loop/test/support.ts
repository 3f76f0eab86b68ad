/**
 * Test helpers for core-loop: a jumping clock (time only moves when the loop idles, straight
 * to the next deadline) and a minimal `sleep` built on the loop, so these tests do not depend
 * on the timers package.
 */
import { type Clock, type Coroutine, EventLoop, getRunningLoop } from '../src/index.js';

/** A Clock that jumps to each deadline instead of waiting: exact, instant times. */
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

  idleUntil(deadline: number): number {
    this.idles.push(deadline);
    if (deadline > this.t) this.t = deadline;
    return 0;
  }

  /** Moves time forward by hand (a callback "taking" `seconds`). */
  advance(seconds: number): void {
    this.t += seconds;
  }
}

/** A new loop on a fresh JumpClock. */
export function jumpLoop(options?: { debug?: boolean; start?: number }): {
  loop: EventLoop;
  clock: JumpClock;
} {
  const clock = new JumpClock(options?.start ?? 0);
  const loop = new EventLoop({ clock, debug: options?.debug ?? false });
  return { loop, clock };
}

/** asyncio.sleep on the running loop: a future resolved by a timer (bare yield for <= 0). */
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
