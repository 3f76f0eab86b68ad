import { getRunningLoop } from '@asyncio-ts/core-loop';
import { asCompleted, gather, wait } from '@asyncio-ts/gather';
import { afterEach, describe, expect, it } from 'vitest';
import { runVirtual, sleep } from './support.js';

const proto = Object.prototype as Record<string, unknown>;

function* value<T>(seconds: number, result: T): Generator<never, T> {
  yield* sleep(seconds) as Generator<never, void>;
  return result;
}

describe('options are read as own properties only', () => {
  afterEach(() => {
    for (const key of ['limit', 'returnExceptions', 'returnWhen', 'timeout', 'name']) {
      delete proto[key];
    }
  });

  it('gather ignores Object.prototype.limit and .returnExceptions', () => {
    proto.limit = 1;
    proto.returnExceptions = true;
    const elapsed = runVirtual(function* () {
      const loop = getRunningLoop();
      const start = loop.time();
      expect(yield* gather([value(1, 'a'), value(1, 'b')], {})).toEqual(['a', 'b']);
      return loop.time() - start;
    });
    expect(elapsed).toBe(1);
  });

  it('wait and asCompleted ignore Object.prototype.returnWhen and .timeout', () => {
    proto.returnWhen = 'FIRST_COMPLETED';
    proto.timeout = 0.5;
    runVirtual(function* () {
      const loop = getRunningLoop();
      const [done, pending] = yield* wait(
        [loop.createTask(value(1, 1)), loop.createTask(value(2, 2))],
        {},
      );
      expect([done.size, pending.size]).toEqual([2, 0]);
      const results: number[] = [];
      for (const next of asCompleted([value(1, 1)], {})) results.push(yield* next);
      expect(results).toEqual([1]);
    });
  });
});
