import {
  CancelledError,
  type Coroutine,
  type Future,
  getRunningLoop,
  run,
  type Task,
} from '@asyncio-ts/core-loop';
import { Lock } from '@asyncio-ts/locks';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export function* main(print: Print): Coroutine<void> {
  const loop = getRunningLoop();
  // 1. B is cancelled while A releases: C gets the lock.
  let lock = new Lock();
  const lockit = function* (name: string, blocker: Future<void> | null): Coroutine<void> {
    yield* lock.acquire();
    print(name, 'acquired');
    try {
      if (blocker !== null) yield* blocker;
    } finally {
      lock.release();
    }
  };
  const fa = loop.createFuture<void>();
  const ta = loop.createTask(lockit('A', fa));
  yield* sleep(0);
  let tb: Task<unknown> = loop.createTask(lockit('B', null));
  yield* sleep(0);
  let tc: Task<unknown> = loop.createTask(lockit('C', null));
  yield* sleep(0);
  fa.setResult(undefined);
  tb.cancel();
  yield* sleep(0);
  print('locked:', lock.locked(), 'a done:', ta.done(), 'b cancelled:', tb.cancelled());
  yield* tc;
  // 2. Cancel one waiter and release in the same callback: exactly one more takes it.
  lock = new Lock();
  const taken: string[] = [];
  const take = function* (name: string): Coroutine<void> {
    yield* lock.acquire();
    taken.push(name);
  };
  yield* lock.acquire();
  const t1 = loop.createTask(take('t1'));
  const t2 = loop.createTask(take('t2'));
  const t3 = loop.createTask(take('t3'));
  yield* sleep(0);
  loop.callSoon(() => {
    t1.cancel();
    lock.release();
  });
  try {
    yield* t1;
  } catch (error) {
    if (error instanceof CancelledError) print('t1 cancelled');
  }
  print('taken:', taken, 't2 done:', t2.done(), 't3 done:', t3.done());
  t3.cancel();
  yield* sleep(0);
  print('t3 cancelled:', t3.cancelled());
  // 3. The woken waiter is cancelled before it runs: the next waiter is woken instead.
  lock = new Lock();
  yield* lock.acquire();
  tb = loop.createTask(lock.acquire());
  yield* sleep(0);
  tc = loop.createTask(lock.acquire());
  yield* sleep(0);
  lock.release();
  tb.cancel();
  yield* sleep(0);
  print('tb cancelled:', tb.cancelled(), 'locked:', lock.locked());
  print('tc:', yield* tc);
}

export default function (print: Print): void {
  run(() => main(print), { clock: new VirtualClock() });
}
