/** An await cycle through gather (also run by nest-patch's nested-run tests). */
import { type Coroutine, type Future, getRunningLoop, type Task } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep } from './support.js';

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
