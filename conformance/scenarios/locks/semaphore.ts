import { CancelledError, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { BoundedSemaphore, holding, Semaphore } from '@asyncio-ts/locks';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { semaphoreValue } from '../../src/private-state.js';
import type { Print } from '../../src/pyfmt.js';

export function* main(print: Print): Coroutine<void> {
  const loop = getRunningLoop();
  let sem = new Semaphore(1);
  const result: number[] = [];
  const c1 = function* (): Coroutine<void> {
    yield* sem.acquire();
    result.push(1);
  };
  const c2 = function* (): Coroutine<void> {
    yield* sem.acquire();
    result.push(2);
    sem.release();
    yield* sem.acquire();
    result.push(4);
  };
  const c3 = function* (): Coroutine<void> {
    yield* sem.acquire();
    result.push(3);
  };
  const tasks = [c1, c2, c3].map((c) => loop.createTask(c()));
  yield* sleep(0);
  sem.release();
  sem.release();
  for (const t of tasks) yield* t;
  print('fifo:', result, 'locked:', sem.locked());
  // Cancelled before being woken: one of the later waiters gets the slot.
  sem = new Semaphore(0);
  const ts = [0, 1, 2, 3].map(() => loop.createTask(sem.acquire()));
  yield* sleep(0);
  ts[0]?.cancel();
  ts[1]?.cancel();
  sem.release();
  yield* sleep(0);
  yield* sleep(0);
  print(
    'done:',
    ts.map((t) => t.done()),
    'cancelled:',
    ts.map((t) => t.cancelled()),
  );
  ts[3]?.cancel();
  yield* sleep(0);
  // Woken, then cancelled before it runs: its slot passes on.
  sem = new Semaphore(0);
  const t1 = loop.createTask(sem.acquire());
  const t2 = loop.createTask(sem.acquire());
  yield* sleep(0);
  sem.release();
  t1.cancel();
  yield* sleep(0);
  yield* sleep(0);
  print('t1 cancelled:', t1.cancelled(), 't2 done:', t2.done(), 'locked:', sem.locked());
  sem.release();
  print('locked after release:', sem.locked(), 'value:', semaphoreValue(sem));
  // async with and a task cancelled while it waits for the slot.
  sem = new Semaphore(1);
  const s = sem;
  const holder = function* (): Coroutine<void> {
    yield* holding(s, function* () {
      yield* sleep(0);
    });
    blocked.cancel();
  };
  const never = function* (): Coroutine<void> {
    yield* holding(s, function* () {
      print('never printed');
    });
  };
  const h = loop.createTask(holder());
  const blocked = loop.createTask(never());
  yield* h;
  try {
    yield* blocked;
  } catch (error) {
    if (error instanceof CancelledError) print('blocked cancelled, locked:', s.locked());
  }
  const b = new BoundedSemaphore(2);
  yield* b.acquire();
  b.release();
  try {
    b.release();
  } catch (error) {
    if (error instanceof RangeError) print('over-release:', error.message);
  }
  try {
    new Semaphore(-1);
  } catch (error) {
    if (error instanceof RangeError) print('Semaphore(-1):', error.message);
  }
}

export default function (print: Print): void {
  run(() => main(print), { clock: new VirtualClock() });
}
