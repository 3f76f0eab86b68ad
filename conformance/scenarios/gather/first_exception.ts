import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(name: string, d: number, fail = false): Coroutine<string> {
    yield* sleep(d);
    if (fail) {
      print(name, 'raises');
      throw new ValueError(name);
    }
    print(name, 'finishes');
    return name;
  }
  function* main(): Coroutine<void> {
    const a = getRunningLoop().createTask(child('a', 0.03));
    try {
      yield* gather(a, child('b', 0.01, true), child('c', 0.02, true));
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print('gather raised', e, '- a done:', a.done());
    }
    yield* sleep(0.05);
    print('a finished anyway:', a.result());
  }
  run(main, { clock: new VirtualClock() });
}
