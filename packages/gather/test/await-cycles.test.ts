import {
  CancelledError,
  type Coroutine,
  type Future,
  getRunningLoop,
  run,
  runAsync,
  type Task,
} from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { VirtualClock } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';
import { sleep } from './support.js';

/** gather(t) where t awaits the gather; main cancels the gather after a second. */
function* gatherCycle(log: string[]): Coroutine<string> {
  const loop = getRunningLoop();
  let outer: Future<unknown[]> | null = null;
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

const EXPECTED = ['cancel gather: true', 'child got CancelledError', 'main got CancelledError'];

describe('gather(t) where t awaits the gather', () => {
  it('cancelling the gather ends the cycle (run)', () => {
    const log: string[] = [];
    expect(run(() => gatherCycle(log), { clock: new VirtualClock() })).toBe(
      'child cancelled: true',
    );
    expect(log).toEqual(EXPECTED);
  });

  it('cancelling the gather ends the cycle (runAsync)', async () => {
    const log: string[] = [];
    expect(await runAsync(() => gatherCycle(log), { clock: new VirtualClock() })).toBe(
      'child cancelled: true',
    );
    expect(log).toEqual(EXPECTED);
  });

  it('cancelling the task that awaits the gather ends the cycle too', () => {
    const cancelled = run(
      function* () {
        const loop = getRunningLoop();
        let outer: Future<unknown[]> | null = null;
        const t = loop.createTask(
          (function* (): Coroutine<unknown> {
            yield* sleep(0);
            return yield* outer as Future<unknown[]>;
          })(),
        );
        outer = gather(t);
        yield* sleep(1);
        t.cancel('stop');
        try {
          yield* outer;
        } catch (error) {
          return error instanceof CancelledError && t.cancelled();
        }
        return false;
      },
      { clock: new VirtualClock() },
    );
    expect(cancelled).toBe(true);
  });
});
