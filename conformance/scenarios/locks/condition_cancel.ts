import { CancelledError, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { Condition, holding } from '@asyncio-ts/locks';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export function* main(print: Print): Coroutine<void> {
  const loop = getRunningLoop();
  const cond = new Condition();
  const waiter = function* (name: string): Coroutine<void> {
    yield* holding(cond, function* () {
      try {
        yield* cond.wait();
        print(name, 'returned normally');
      } catch (error) {
        if (error instanceof CancelledError) print(name, 'cancelled, locked:', cond.locked());
        throw error;
      }
    });
  };
  // 1. Cancelled while waiting for a notify, the lock held by main.
  let t = loop.createTask(waiter('w1'));
  yield* sleep(0);
  yield* cond.acquire();
  t.cancel();
  yield* sleep(0.01);
  print('w1 done while main holds the lock:', t.done());
  cond.release();
  try {
    yield* t;
  } catch (error) {
    if (error instanceof CancelledError) {
      print('w1 cancelled:', t.cancelled(), 'locked:', cond.locked());
    }
  }
  // 2. Notified, then cancelled while it waits to re-acquire.
  t = loop.createTask(waiter('w2'));
  yield* sleep(0);
  yield* cond.acquire();
  cond.notify();
  yield* sleep(0);
  t.cancel();
  yield* sleep(0);
  cond.release();
  yield* sleep(0);
  print('w2 cancelled:', t.cancelled());
  // 3. Notified and cancelled in the same iteration, the lock contested.
  yield* cond.acquire();
  const waitTask = loop.createTask(cond.wait());
  yield* sleep(0);
  print('locked while w3 waits:', cond.locked());
  yield* cond.acquire();
  cond.notify();
  loop.callSoon(() => waitTask.cancel());
  loop.callSoon(() => cond.release());
  try {
    print('w3:', yield* waitTask);
  } catch (error) {
    if (error instanceof CancelledError) print('w3 cancelled');
  }
  print('locked after w3:', cond.locked());
}

export default function (print: Print): void {
  run(() => main(print), { clock: new VirtualClock() });
}
