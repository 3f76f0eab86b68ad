import { type Coroutine, getRunningLoop, run, TimeoutError } from '@asyncio-ts/core-loop';
import { sleep, type Timeout, timeout, VirtualClock } from '@asyncio-ts/timers';
import { type Print, round2 } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const t0 = loop.time();
    let cm: Timeout | undefined;
    try {
      yield* timeout(null, function* (scope) {
        cm = scope;
        print('when:', scope.when());
        scope.reschedule(loop.time() + 0.01);
        print('rescheduled to +0.01:', round2((scope.when() ?? Number.NaN) - t0));
        yield* sleep(0.005);
        scope.reschedule(loop.time() + 0.015);
        print('pushed back to', round2((scope.when() ?? Number.NaN) - t0));
        yield* sleep(1);
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print('TimeoutError at', round2(loop.time() - t0), 'expired:', cm?.expired());
    }
    yield* timeout(0.01, function* (scope) {
      cm = scope;
      scope.reschedule(null);
      yield* sleep(0.02);
    });
    print('disabled: no timeout at', round2(loop.time() - t0), 'expired:', cm?.expired());
  }
  run(main, { clock: new VirtualClock() });
}
