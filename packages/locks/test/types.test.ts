import type { Coroutine } from '@asyncio-ts/core-loop';
import { acquired, Barrier, Condition, type Held, holding, Lock } from '@asyncio-ts/locks';
import { describe, expectTypeOf, it } from 'vitest';

describe('lock types', () => {
  it("holding() evaluates to the body's result; acquired() to a disposable handle", () => {
    const lock = new Lock();
    const result = holding(lock, function* () {
      return 42 as const;
    });
    expectTypeOf(result).toEqualTypeOf<Coroutine<42>>();
    expectTypeOf(acquired(lock)).toEqualTypeOf<Coroutine<Held>>();
    expectTypeOf<Held>().toExtend<Disposable>();
  });

  it('waitFor() evaluates to what the predicate returns; Barrier.wait() to an index', () => {
    const cond = new Condition();
    expectTypeOf(cond.waitFor(() => [1, 2] as number[])).toEqualTypeOf<Coroutine<number[]>>();
    expectTypeOf(new Barrier(2).wait()).toEqualTypeOf<Coroutine<number>>();
    expectTypeOf(lockAcquire()).toEqualTypeOf<Coroutine<true>>();
  });
});

function lockAcquire(): Coroutine<true> {
  return new Lock().acquire();
}
