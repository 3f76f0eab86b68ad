import { CancelledError, type Coroutine, getRunningLoop } from '@asyncio-ts/core-loop';
import { Queue } from '@asyncio-ts/queues';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runVirtual, sleep, spawn } from '../../locks/test/support.js';

const TICK = 0.001;

/** A task that puts (producer) or gets (consumer) `count` items, pausing between them. */
const taskPlan = fc.record({
  producer: fc.boolean(),
  count: fc.integer({ min: 1, max: 6 }),
  pause: fc.integer({ min: 0, max: 2 }),
  cancelAt: fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }),
  // Loop iterations between the timer and the cancel, to land between a wake-up and its step.
  hops: fc.integer({ min: 0, max: 3 }),
});

function afterHops(hops: number, fn: () => void): void {
  if (hops === 0) fn();
  else getRunningLoop().callSoon(() => afterHops(hops - 1, fn));
}

describe('Queue under random put, get and cancel', () => {
  it('loses and duplicates nothing, keeps each producer in order, never exceeds maxsize', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(taskPlan, { minLength: 1, maxLength: 8 }),
        (maxsize, plans) => {
          runVirtual(function* () {
            const q = new Queue<[number, number]>(maxsize);
            const put: [number, number][] = [];
            const got: [number, number][] = [];
            const check = (): void => expect(q.qsize()).toBeLessThanOrEqual(maxsize);
            const producer = function* (id: number, plan: (typeof plans)[number]): Coroutine<void> {
              for (let i = 0; i < plan.count; i++) {
                yield* q.put([id, i]);
                put.push([id, i]); // counted only once put() returned
                check();
                yield* sleep(plan.pause * TICK);
              }
            };
            const consumer = function* (plan: (typeof plans)[number]): Coroutine<void> {
              for (let i = 0; i < plan.count; i++) {
                got.push(yield* q.get());
                check();
                yield* sleep(plan.pause * TICK);
              }
            };
            const loop = getRunningLoop();
            const tasks = plans.map((plan, id) => {
              const task = spawn(plan.producer ? producer(id, plan) : consumer(plan));
              if (plan.cancelAt !== null) {
                loop.callLater(plan.cancelAt * TICK, () =>
                  afterHops(plan.hops, () => task.cancel()),
                );
              }
              return task;
            });
            // Consumers may starve when producers were cancelled: end them once all is quiet.
            yield* sleep(1);
            for (const task of tasks) task.cancel();
            for (const task of tasks) {
              try {
                yield* task;
              } catch (error) {
                if (!(error instanceof CancelledError)) throw error;
              }
            }
            const left: [number, number][] = [];
            while (!q.empty()) left.push(q.getNowait());
            const key = (x: [number, number]): string => `${x[0]}:${x[1]}`;
            // Nothing lost or duplicated: what went in is what came out (or is still inside).
            expect([...got, ...left].map(key).sort()).toEqual(put.map(key).sort());
            // FIFO per producer.
            const lastSeen = new Map<number, number>();
            for (const [id, i] of [...got, ...left]) {
              expect(i).toBeGreaterThan(lastSeen.get(id) ?? -1);
              lastSeen.set(id, i);
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
