import { type Coroutine, run, type Task } from '@asyncio-ts/core-loop';
import { taskGroup } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(v: string, d: number): Coroutine<string> {
    yield* sleep(d);
    print(v, 'done');
    return v;
  }
  function* main(): Coroutine<void> {
    let a: Task<string> | undefined;
    let b: Task<string> | undefined;
    yield* taskGroup(function* (tg) {
      a = tg.createTask(child('a', 0.02));
      b = tg.createTask(child('b', 0.01));
      print('body ends before the tasks');
    });
    print('after the group:', a?.result(), b?.result());
  }
  run(main, { clock: new VirtualClock() });
}
