import { CancelledError, type Coroutine, run } from '@asyncio-ts/core-loop';
import { ExceptionGroup, taskGroup } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, pyStr, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const cancelled: string[] = [];
  function* child(v: string, d: number, fail = false): Coroutine<string> {
    try {
      yield* sleep(d);
    } catch (e) {
      if (e instanceof CancelledError) cancelled.push(v);
      throw e;
    }
    if (fail) {
      print(v, 'fails');
      throw new ValueError(v);
    }
    return v;
  }
  function* main(): Coroutine<void> {
    try {
      yield* taskGroup(function* (tg) {
        tg.createTask(child('a', 0.03));
        tg.createTask(child('b', 0.01, true));
        tg.createTask(child('c', 0.02));
        yield* sleep(1);
        print('never printed');
      });
    } catch (e) {
      if (!(e instanceof ExceptionGroup)) throw e;
      print('ExceptionGroup:', e.message, e.errors.map(pyStr));
    }
    print('cancelled:', cancelled.sort());
  }
  run(main, { clock: new VirtualClock() });
}
