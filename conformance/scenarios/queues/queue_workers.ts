import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { Queue } from '@asyncio-ts/queues';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { unfinishedTasks } from '../../src/private-state.js';
import type { Print } from '../../src/pyfmt.js';

export function* main(print: Print): Coroutine<void> {
  const loop = getRunningLoop();
  const q = new Queue<string>(2);
  const producer = function* (name: string, n: number): Coroutine<void> {
    for (let i = 0; i < n; i++) {
      yield* q.put(`${name}${i}`);
      print('put', `${name}${i}`, 'qsize', q.qsize(), 'full', q.full());
    }
  };
  const consumer = function* (name: string): Coroutine<void> {
    for (;;) {
      const item = yield* q.get();
      print(name, 'got', item);
      yield* sleep(0.01);
      q.taskDone();
    }
  };
  const producers = ['a', 'b'].map((n) => loop.createTask(producer(n, 3)));
  const consumers = ['x', 'y'].map((n) => loop.createTask(consumer(n)));
  for (const p of producers) yield* p;
  yield* q.join();
  print('joined, empty:', q.empty(), 'unfinished:', unfinishedTasks(q));
  for (const c of consumers) c.cancel();
  try {
    q.taskDone();
  } catch (error) {
    if (error instanceof RangeError) print('task_done:', error.message);
  }
  yield* q.join();
  print('join with nothing unfinished returns');
}

export default function (print: Print): void {
  run(() => main(print), { clock: new VirtualClock() });
}
