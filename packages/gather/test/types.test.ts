import type { Coroutine, Future, Task } from '@asyncio-ts/core-loop';
import {
  asCompleted,
  type GatheringFuture,
  gather,
  shield,
  type TaskGroup,
  taskGroup,
  wait,
} from '@asyncio-ts/gather';
import { describe, expectTypeOf, it } from 'vitest';
import { loop, runVirtual, sleep } from './support.js';

function* num(): Coroutine<number> {
  return 1;
}
function* str(): Coroutine<string> {
  return 's';
}

describe('types', () => {
  it('infers a tuple for yield* gather(a, b, c)', () => {
    runVirtual(function* () {
      const fut = loop().createFuture<boolean>();
      fut.setResult(true);
      const results = yield* gather(num(), str(), fut);
      expectTypeOf(results).toEqualTypeOf<[number, string, boolean]>();
      expectTypeOf(gather(num(), str())).toEqualTypeOf<GatheringFuture<[number, string]>>();
      expectTypeOf(gather()).toEqualTypeOf<GatheringFuture<[]>>();
    });
  });

  it('infers a tuple for the array form and an array for arrays', () => {
    runVirtual(function* () {
      const tuple = yield* gather([num(), str()]);
      expectTypeOf(tuple).toEqualTypeOf<[number, string]>();
      const tasks: Task<number>[] = [loop().createTask(num())];
      const many = yield* gather(tasks, { limit: 2 });
      expectTypeOf(many).toEqualTypeOf<number[]>();
    });
  });

  it('adds Error to each place with returnExceptions: true', () => {
    runVirtual(function* () {
      const results = yield* gather([num(), str()], { returnExceptions: true });
      expectTypeOf(results).toEqualTypeOf<[number | Error, string | Error]>();
      const plain = yield* gather([num(), str()], { returnExceptions: false });
      expectTypeOf(plain).toEqualTypeOf<[number, string]>();
      const flag: boolean = Math.random() > 2;
      const either = yield* gather([num()], { returnExceptions: flag });
      expectTypeOf(either).toEqualTypeOf<[number] | [number | Error]>();
    });
  });

  it('refuses non-awaitables at compile time', () => {
    // @ts-expect-error a number is not awaitable
    expectTypeOf(gather).toBeCallableWith(42);
    // @ts-expect-error a generator function must be called
    expectTypeOf(gather).toBeCallableWith(num);
  });

  it('types shield, wait, asCompleted and taskGroup', () => {
    runVirtual(function* () {
      expectTypeOf(shield(num())).toEqualTypeOf<Future<number>>();
      const task = loop().createTask(sleep(0, 'x'));
      const [done, pending] = yield* wait([task]);
      expectTypeOf(done).toEqualTypeOf<Set<Task<string>>>();
      expectTypeOf(pending).toEqualTypeOf<Set<Task<string>>>();
      for (const next of asCompleted([num(), str()])) {
        expectTypeOf(next).toEqualTypeOf<Coroutine<number | string>>();
        yield* next;
      }
      const value = yield* taskGroup(function* (tg) {
        expectTypeOf(tg).toEqualTypeOf<TaskGroup>();
        expectTypeOf(tg.createTask(num())).toEqualTypeOf<Task<number>>();
        return 'body';
      });
      expectTypeOf(value).toEqualTypeOf<string>();
    });
  });
});
