import { type Coroutine, getRunningLoop, run, TimeoutError } from '@asyncio-ts/core-loop';
import { sleep, timeoutAt, VirtualClock } from '@asyncio-ts/timers';
import { type Print, round2 } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const t0 = loop.time();
    try {
      yield* timeoutAt(loop.time() + 0.01, function* () {
        yield* sleep(1);
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print('timed out at', round2(loop.time() - t0));
    }
    try {
      yield* timeoutAt(loop.time() - 1, function* (cm) {
        print('body starts, expired:', cm.expired());
        yield* sleep(0);
        print('never printed');
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print('past deadline: TimeoutError at', round2(loop.time() - t0));
    }
  }
  run(main, { clock: new VirtualClock() });
}
