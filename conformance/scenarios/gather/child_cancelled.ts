import { CancelledError, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(name: string, d: number): Coroutine<string> {
    yield* sleep(d);
    print(name, 'done');
    return name;
  }
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const a = loop.createTask(child('a', 1));
    const b = loop.createTask(child('b', 0.02));
    const g = gather(a, b);
    yield* sleep(0.01);
    a.cancel();
    try {
      yield* g;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print(
        'gather raised CancelledError; gather cancelled():',
        g.cancelled(),
        'b done:',
        b.done(),
      );
    }
    print('b:', yield* b);
  }
  run(main, { clock: new VirtualClock() });
}
