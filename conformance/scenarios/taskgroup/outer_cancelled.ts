import { CancelledError, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { taskGroup } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const cancelled: string[] = [];
  function* child(v: string): Coroutine<void> {
    try {
      yield* sleep(1);
    } catch (e) {
      if (e instanceof CancelledError) cancelled.push(v);
      throw e;
    }
  }
  function* runner(): Coroutine<void> {
    try {
      yield* taskGroup(function* (tg) {
        tg.createTask(child('a'));
        tg.createTask(child('b'));
      });
    } catch (e) {
      if (e instanceof CancelledError)
        print('runner: CancelledError out of the group; cancelled:', cancelled.sort());
      throw e;
    }
  }
  function* main(): Coroutine<void> {
    const t = getRunningLoop().createTask(runner());
    yield* sleep(0.01);
    t.cancel();
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('main: runner cancelled:', t.cancelled());
    }
  }
  run(main, { clock: new VirtualClock() });
}
