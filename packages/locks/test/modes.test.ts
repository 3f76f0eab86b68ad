/** The same programs in a blocking run(), in runAsync(), and nested runs after apply(). */
import { type Coroutine, run } from '@asyncio-ts/core-loop';
import {
  Barrier,
  BoundedSemaphore,
  Condition,
  Event,
  holding,
  Lock,
  Semaphore,
} from '@asyncio-ts/locks';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { VirtualClock } from '@asyncio-ts/timers';
import { afterEach, describe, expect, it } from 'vitest';
import { itRunsInEveryMode, sleep, spawn } from './support.js';

afterEach(() => revert());

/** Every primitive once: who gets what, in which order. */
function* scenario(): Coroutine<string[]> {
  const trace: string[] = [];
  const lock = new Lock();
  const sem = new BoundedSemaphore(2);
  const cond = new Condition();
  const ready = new Event();
  const barrier = new Barrier(3);
  let items = 0;
  const worker = function* (name: string): Coroutine<void> {
    yield* ready.wait();
    yield* holding(sem, function* () {
      trace.push(`${name} in sem`);
      yield* sleep(0.01);
    });
    yield* holding(lock, function* () {
      trace.push(`${name} in lock`);
      yield;
    });
    yield* holding(cond, function* () {
      items++;
      cond.notifyAll();
    });
    trace.push(`${name} barrier ${yield* barrier.wait()}`);
  };
  const tasks = ['a', 'b', 'c'].map((n) => spawn(worker(n)));
  const consumer = spawn(
    holding(cond, function* () {
      const n = yield* cond.waitFor(() => (items === 3 ? items : 0));
      trace.push(`consumer saw ${n}`);
    }),
  );
  ready.set();
  for (const t of tasks) yield* t;
  yield* consumer;
  trace.push(`free ${!lock.locked() && !sem.locked()}`);
  return trace;
}

// CPython 3.11 prints exactly this for the same program (checked with python3).
const expected = [
  'a in sem',
  'b in sem',
  'a in lock',
  'c in sem',
  'b in lock',
  'c in lock',
  'c barrier 2',
  'consumer saw 3',
  'a barrier 0',
  'b barrier 1',
  'free true',
];

describe('locks in every kind of run', () => {
  itRunsInEveryMode(scenario, expected);

  it('a nested run() wakes a task of the outer run that waits on a primitive', () => {
    apply();
    const trace = run(
      function* () {
        const trace: string[] = [];
        const sem = new Semaphore(0);
        const outer = spawn(
          (function* () {
            yield* sem.acquire();
            trace.push('outer task acquired');
          })(),
        );
        yield* sleep(0.01);
        run(
          (function* () {
            sem.release();
            yield* outer;
            trace.push('nested run saw it');
          })(),
        );
        return trace;
      },
      { clock: new VirtualClock() },
    );
    expect(trace).toEqual(['outer task acquired', 'nested run saw it']);
  });
});
