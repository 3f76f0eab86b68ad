import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { Barrier, BrokenBarrierError } from '@asyncio-ts/locks';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export function* main(print: Print): Coroutine<void> {
  const loop = getRunningLoop();
  const barrier = new Barrier(3);
  const party = function* (name: string): Coroutine<void> {
    const index = yield* barrier.wait();
    print(name, 'passed with index', index);
  };
  let tasks = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => loop.createTask(party(n)));
  yield* sleep(0);
  print('n_waiting:', barrier.nWaiting);
  for (const t of tasks) yield* t;
  print('after two rounds, n_waiting:', barrier.nWaiting, 'broken:', barrier.broken);
  // A party cancelled while it waits leaves the count.
  const t1 = loop.createTask(barrier.wait());
  yield* sleep(0);
  const t2 = loop.createTask(barrier.wait());
  yield* sleep(0);
  print('n_waiting:', barrier.nWaiting);
  t1.cancel();
  yield* sleep(0);
  print('after cancel, n_waiting:', barrier.nWaiting);
  const t3 = loop.createTask(barrier.wait());
  const t4 = loop.createTask(barrier.wait());
  const indices: number[] = [];
  for (const t of [t2, t3, t4]) indices.push(yield* t);
  print('indices:', indices);
  // reset() while two parties wait.
  const careful = function* (name: string): Coroutine<void> {
    try {
      yield* barrier.wait();
    } catch (error) {
      if (!(error instanceof BrokenBarrierError)) throw error;
      print(name, 'BrokenBarrierError:', error.message);
    }
  };
  tasks = ['r1', 'r2'].map((n) => loop.createTask(careful(n)));
  yield* sleep(0);
  yield* barrier.reset();
  for (const t of tasks) yield* t;
  print('after reset, n_waiting:', barrier.nWaiting, 'broken:', barrier.broken);
  // abort() while one party waits, then a late party.
  const t = loop.createTask(careful('x1'));
  yield* sleep(0);
  yield* barrier.abort();
  yield* t;
  yield* careful('late');
  print('broken:', barrier.broken, 'n_waiting:', barrier.nWaiting);
  try {
    new Barrier(0);
  } catch (error) {
    if (error instanceof RangeError) print('Barrier(0):', error.message);
  }
}

export default function (print: Print): void {
  run(() => main(print), { clock: new VirtualClock() });
}
