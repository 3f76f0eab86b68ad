/**
 * Helpers for issue 16's regression tests, shared by several packages' tests: a clock that
 * fails instead of letting a spinning loop hang, and an await cycle through gather.
 */
import {
  type Coroutine,
  type Future,
  getRunningLoop,
  RuntimeError,
  type Task,
} from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
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

/** gather(t) where t awaits the gather; main cancels the gather after a second. */
export function* gatherCycle(log: string[]): Coroutine<string> {
  const loop = getRunningLoop();
  let outer = null as Future<unknown[]> | null;
  function* child(): Coroutine<string> {
    yield* sleep(0);
    try {
      yield* outer as Future<unknown[]>;
      return 'child done';
    } catch (error) {
      log.push(`child got ${(error as Error).name}`);
      throw error;
    }
  }
  const t: Task<string> = loop.createTask(child());
  outer = gather(t);
  yield* sleep(1);
  log.push(`cancel gather: ${outer.cancel()}`);
  try {
    yield* outer;
  } catch (error) {
    log.push(`main got ${(error as Error).name}`);
  }
  return `child cancelled: ${t.cancelled()}`;
}

/** What gatherCycle logs. */
export const EXPECTED = [
  'cancel gather: true',
  'child got CancelledError',
  'main got CancelledError',
];
