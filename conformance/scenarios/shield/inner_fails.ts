import { CancelledError, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { shield } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* fails(): Coroutine<never> {
    yield* sleep(0.01);
    throw new ValueError('inner failed');
  }
  function* main(): Coroutine<void> {
    try {
      yield* shield(fails());
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print('ValueError:', e);
    }
    const t = getRunningLoop().createTask(sleep(1));
    getRunningLoop().callLater(0.01, () => t.cancel());
    try {
      yield* shield(t);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('inner cancelled -> CancelledError; inner cancelled:', t.cancelled());
    }
  }
  run(main, { clock: new VirtualClock() });
}
