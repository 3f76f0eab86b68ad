import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { holding, Lock } from '@asyncio-ts/locks';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { waiterCount } from '../../src/private-state.js';
import { type Print, round2 } from '../../src/pyfmt.js';

export function* main(print: Print): Coroutine<void> {
  const loop = getRunningLoop();
  const lock = new Lock();
  yield* lock.acquire();
  const t0 = loop.time();
  const worker = function* (name: string): Coroutine<void> {
    yield* holding(lock, function* () {
      print(name, 'has the lock at', round2(loop.time() - t0));
      yield* sleep(0.01);
    });
  };
  const tasks = ['a', 'b', 'c'].map((n) => loop.createTask(worker(n)));
  yield* sleep(0);
  print('locked:', lock.locked(), 'waiters:', waiterCount(lock));
  lock.release();
  for (const t of tasks) yield* t;
  print('locked:', lock.locked());
}

export default function (print: Print): void {
  run(() => main(print), { clock: new VirtualClock() });
}
