import {
  CancelledError,
  type Coroutine,
  type Future,
  getRunningLoop,
  run,
  runAsync,
} from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { VirtualClock } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';
import { EXPECTED, gatherCycle, sleep } from './support.js';

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
        let outer = null as Future<unknown[]> | null;
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
