/**
 * Test helpers for nest-patch: a virtual clock whose time reads as `clock.t`, and the real
 * sleep, waitFor, gather and wait of the sibling packages, as nest_asyncio's tests use
 * asyncio's own.
 */
import { type Coroutine, EventLoop, type Future } from '@asyncio-ts/core-loop';
import { gather, wait } from '@asyncio-ts/gather';
import { VirtualClock } from '@asyncio-ts/timers';

export { sleep, waitFor } from '@asyncio-ts/timers';

/** timers' VirtualClock (jumps to each deadline the loop waits for), with `t` for its time. */
export class JumpClock extends VirtualClock {
  /** The clock's time in seconds. */
  get t(): number {
    return this.now();
  }
}

/** A new loop on a fresh JumpClock. */
export function jumpLoop(): { loop: EventLoop; clock: JumpClock } {
  const clock = new JumpClock();
  return { loop: new EventLoop({ clock, debug: false }), clock };
}

/** asyncio.gather of coroutines, results in order. */
export function gatherAll<T>(coros: Coroutine<T>[]): Future<T[]> {
  return gather(coros) as Future<T[]>;
}

/** asyncio.wait(futures) (ALL_COMPLETED, no timeout): `[done, pending]`. */
export function waitAll<T>(futures: Future<T>[]): Coroutine<[Set<Future<T>>, Set<Future<T>>]> {
  return wait(futures) as Coroutine<[Set<Future<T>>, Set<Future<T>>]>;
}
