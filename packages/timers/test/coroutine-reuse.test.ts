import { type Coroutine, RuntimeError } from '@asyncio-ts/core-loop';
import { sleep } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';
import { caught, runVirtual } from './trace.js';

describe("sleep(): awaiting the same coroutine twice is asyncio's RuntimeError", () => {
  it.each([0, 1])('sleep(%d) awaited twice', (delay) => {
    const result = runVirtual(function* (): Coroutine<unknown> {
      const once = sleep(delay, 'done');
      const first = yield* once;
      const second = yield* caught(once);
      return [first, second];
    });
    const [first, second] = result as [string, Error];
    expect(first).toBe('done');
    expect(second).toBeInstanceOf(RuntimeError);
    expect(second.message).toBe('cannot reuse already awaited coroutine');
  });
});
