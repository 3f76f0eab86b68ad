import { type Coroutine, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock, waitFor } from '@asyncio-ts/timers';
import { type Print, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* fails(): Coroutine<never> {
    yield* sleep(0.01);
    throw new ValueError('inner failure');
  }
  function* main(): Coroutine<void> {
    try {
      yield* waitFor(fails(), 1);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print('ValueError:', e);
    }
  }
  run(main, { clock: new VirtualClock() });
}
