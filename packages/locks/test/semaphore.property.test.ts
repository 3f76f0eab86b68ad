import { CancelledError, type Coroutine, getRunningLoop } from '@asyncio-ts/core-loop';
import { Semaphore } from '@asyncio-ts/locks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runVirtual, sleep, spawn } from './support.js';

const TICK = 0.001;

/** A task: when it starts, how long it holds its slot, and when (if ever) it is cancelled. */
const taskPlan = fc.record({
  start: fc.integer({ min: 0, max: 5 }),
  hold: fc.integer({ min: 0, max: 3 }),
  rounds: fc.integer({ min: 1, max: 3 }),
  cancelAt: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
  // Loop iterations between the timer and the cancel: lands it between a wake-up and the
  // woken task's step, the race that `_wake_up_next` exists for.
  hops: fc.integer({ min: 0, max: 3 }),
});

/** Calls `fn` after `hops` more trips through the ready queue. */
function afterHops(hops: number, fn: () => void): void {
  if (hops === 0) fn();
  else getRunningLoop().callSoon(() => afterHops(hops - 1, fn));
}

describe('Semaphore under random acquire, release and cancel', () => {
  it('never has more holders than its value and never loses a wake-up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(taskPlan, { minLength: 1, maxLength: 8 }),
        (value, plans) => {
          runVirtual(function* () {
            const sem = new Semaphore(value);
            let holders = 0;
            let most = 0;
            let completed = 0;
            const worker = function* (plan: (typeof plans)[number]): Coroutine<void> {
              yield* sleep(plan.start * TICK);
              for (let r = 0; r < plan.rounds; r++) {
                yield* sem.acquire();
                holders++;
                most = Math.max(most, holders);
                expect(holders).toBeLessThanOrEqual(value);
                try {
                  if (plan.hold > 0) yield* sleep(plan.hold * TICK);
                  else yield;
                } finally {
                  holders--;
                  sem.release();
                }
              }
              completed++;
            };
            const loop = getRunningLoop();
            const tasks = plans.map((plan) => {
              const task = spawn(worker(plan));
              if (plan.cancelAt !== null)
                loop.callLater(plan.cancelAt * TICK, () =>
                  afterHops(plan.hops, () => task.cancel()),
                );
              return task;
            });
            // A lost wake-up leaves a task waiting forever: run() then throws its deadlock error.
            let cancelled = 0;
            for (const task of tasks) {
              try {
                yield* task;
              } catch (error) {
                if (!(error instanceof CancelledError)) throw error;
                cancelled++;
              }
            }
            expect(completed + cancelled).toBe(plans.length);
            expect(holders).toBe(0);
            expect(sem._value).toBe(value);
            expect(sem.locked()).toBe(false);
            if (completed > 0) expect(most).toBeGreaterThan(0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
