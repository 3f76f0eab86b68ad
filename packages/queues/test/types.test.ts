import type { Coroutine } from '@asyncio-ts/core-loop';
import { consume, LifoQueue, PriorityQueue, Queue } from '@asyncio-ts/queues';
import { describe, expectTypeOf, it } from 'vitest';

describe('queue types', () => {
  it('get() is a coroutine of the item type, put() takes only that type', () => {
    const q = new Queue<{ id: number }>();
    expectTypeOf(q.get()).toEqualTypeOf<Coroutine<{ id: number }>>();
    expectTypeOf(q.put).parameter(0).toEqualTypeOf<{ id: number }>();
    expectTypeOf(new PriorityQueue<[number, string]>().getNowait).returns.toEqualTypeOf<
      [number, string]
    >();
    expectTypeOf(new LifoQueue<string>().get()).toEqualTypeOf<Coroutine<string>>();
  });

  it("consume() hands the body the queue's item type and counts the items", () => {
    const q = new Queue<{ url: string }>();
    const worker = consume(q, function* (job) {
      expectTypeOf(job).toEqualTypeOf<{ url: string }>();
    });
    expectTypeOf(worker).toEqualTypeOf<Coroutine<number>>();
  });
});
