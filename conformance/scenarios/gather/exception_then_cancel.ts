import { CancelledError, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, typeName, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(name: string, d: number, fail: boolean): Coroutine<string> {
    try {
      yield* sleep(d);
    } catch (e) {
      if (e instanceof CancelledError) print(name, 'cancelled');
      throw e;
    }
    if (fail) throw new ValueError(name);
    return name;
  }
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const a = loop.createTask(child('a', 0.01, true));
    const b = loop.createTask(child('b', 0.03, true));
    const c = loop.createTask(child('c', 0.04, false));
    const g = gather(a, b, c);
    try {
      yield* g;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print('gather raised', e);
    }
    print('cancel gather after failure:', g.cancel());
    c.cancel();
    yield* sleep(0.05);
    print('b:', typeName(b.exception()), 'c cancelled:', c.cancelled());
  }
  run(main, { clock: new VirtualClock() });
}
