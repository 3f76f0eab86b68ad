/** Helpers for far virtual times (also used by nest-patch's nested-run tests). */
import { type Coroutine, getRunningLoop, RuntimeError } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';

/** A VirtualClock that fails instead of letting a spinning loop hang the test. */
export class GuardedClock extends VirtualClock {
  private reads = 0;
  override now(): number {
    if (++this.reads > 100_000)
      throw new RuntimeError('the loop spins: time never reaches a timer');
    return super.now();
  }
}

/** Sleeps `steps` times `seconds`, recording loop.time() after each. */
export function* sleeps(steps: number, seconds: number): Coroutine<number[]> {
  const loop = getRunningLoop();
  const times: number[] = [];
  for (let i = 0; i < steps; i++) {
    yield* sleep(seconds);
    times.push(loop.time());
  }
  return times;
}
