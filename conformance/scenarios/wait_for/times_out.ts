import {
  CancelledError,
  type Coroutine,
  getRunningLoop,
  run,
  TimeoutError,
} from '@asyncio-ts/core-loop';
import { sleep, VirtualClock, waitFor } from '@asyncio-ts/timers';
import { type Print, round2, typeName } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* slow(): Coroutine<void> {
    try {
      yield* sleep(1);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('slow: cancelled');
      yield* sleep(0.01);
      print('slow: cleanup done');
      throw e;
    }
  }
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const t0 = loop.time();
    try {
      yield* waitFor(slow(), 0.01);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print('TimeoutError', typeName(e), 'at', round2(loop.time() - t0));
    }
  }
  run(main, { clock: new VirtualClock() });
}
