import { type Coroutine, getRunningLoop, RuntimeError, run } from '@asyncio-ts/core-loop';
import { Condition, holding } from '@asyncio-ts/locks';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export function* main(print: Print): Coroutine<void> {
  const loop = getRunningLoop();
  const cond = new Condition();
  const waiter = function* (n: number): Coroutine<void> {
    yield* holding(cond, function* () {
      print(n, 'wait ->', yield* cond.wait(), 'locked:', cond.locked());
    });
  };
  const tasks = [1, 2, 3, 4].map((n) => loop.createTask(waiter(n)));
  yield* sleep(0);
  yield* holding(cond, function* () {
    cond.notify(1);
    print('notified 1');
  });
  yield* sleep(0);
  yield* holding(cond, function* () {
    cond.notify(2);
    print('notified 2');
  });
  yield* sleep(0);
  yield* holding(cond, function* () {
    cond.notifyAll();
    print('notified all');
  });
  for (const t of tasks) yield* t;
  const items: number[] = [];
  const consumer = function* (): Coroutine<void> {
    yield* holding(cond, function* () {
      const got = yield* cond.waitFor(() => items.length >= 2 && [...items]);
      print('consumer got', got);
    });
  };
  const c = loop.createTask(consumer());
  for (let i = 0; i < 3; i++) {
    yield* sleep(0.01);
    yield* holding(cond, function* () {
      items.push(i);
      cond.notify();
      print('added', i);
    });
  }
  yield* c;
  print('wait_for true at once:', yield* cond.waitFor(() => 'yes'));
  for (const [what, call] of [
    ['wait', cond.wait()],
    ['wait_for', cond.waitFor(() => false)],
  ] as const) {
    try {
      yield* call;
    } catch (error) {
      if (error instanceof RuntimeError) print(what, 'RuntimeError:', error.message);
    }
  }
  for (const [what, call] of [
    ['notify', () => cond.notify()],
    ['notify_all', () => cond.notifyAll()],
  ] as const) {
    try {
      call();
    } catch (error) {
      if (error instanceof RuntimeError) print(what, 'RuntimeError:', error.message);
    }
  }
}

export default function (print: Print): void {
  run(() => main(print), { clock: new VirtualClock() });
}
