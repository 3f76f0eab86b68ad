import { CancelledError, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock, waitFor } from '@asyncio-ts/timers';
import { args, type Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* inner(): Coroutine<void> {
    try {
      yield* sleep(1);
    } catch (e) {
      if (e instanceof CancelledError) print('inner cancelled', args(e));
      throw e;
    }
  }
  function* waiter(): Coroutine<void> {
    try {
      yield* waitFor(inner(), 10);
    } catch (e) {
      if (e instanceof CancelledError) print('waiter cancelled', args(e));
      throw e;
    }
  }
  function* main(): Coroutine<void> {
    const t = getRunningLoop().createTask(waiter());
    yield* sleep(0.01);
    t.cancel('stop');
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('main: waiter cancelled:', t.cancelled());
    }
  }
  run(main, { clock: new VirtualClock() });
}
