import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { Event } from '@asyncio-ts/locks';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { waiterCount } from '../../src/private-state.js';
import type { Print } from '../../src/pyfmt.js';

export function* main(print: Print): Coroutine<void> {
  const loop = getRunningLoop();
  const ev = new Event();
  const waiter = function* (name: string): Coroutine<void> {
    print(name, 'woke with', yield* ev.wait());
  };
  const tasks = ['a', 'b', 'c'].map((n) => loop.createTask(waiter(n)));
  yield* sleep(0.01);
  tasks[1]?.cancel();
  yield* sleep(0);
  print('waiters:', waiterCount(ev), 'is_set:', ev.isSet());
  ev.set();
  ev.clear();
  for (const t of [tasks[0], tasks[2]]) if (t) yield* t;
  print('b cancelled:', tasks[1]?.cancelled(), 'is_set:', ev.isSet());
  ev.set();
  print('wait on set event:', yield* ev.wait());
  ev.clear();
  const late = loop.createTask(ev.wait());
  yield* sleep(0.01);
  print('late done:', late.done());
  ev.set();
  print('late:', yield* late);
}

export default function (print: Print): void {
  run(() => main(print), { clock: new VirtualClock() });
}
