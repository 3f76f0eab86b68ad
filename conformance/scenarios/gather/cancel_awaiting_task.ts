import { CancelledError, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(name: string, d: number): Coroutine<string> {
    try {
      yield* sleep(d);
      print(name, 'done');
      return name;
    } catch (e) {
      if (e instanceof CancelledError) print(name, 'cancelled');
      throw e;
    }
  }
  function* parent(): Coroutine<string[]> {
    try {
      return yield* gather(child('fast', 0.01), child('slow', 1), child('slower', 2));
    } catch (e) {
      if (e instanceof CancelledError) print('parent cancelled');
      throw e;
    }
  }
  function* main(): Coroutine<void> {
    const t = getRunningLoop().createTask(parent());
    yield* sleep(0.02);
    t.cancel();
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('main: parent cancelled:', t.cancelled());
    }
  }
  run(main, { clock: new VirtualClock() });
}
