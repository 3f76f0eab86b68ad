import { type Coroutine, getRunningLoop, run, TimeoutError } from '@asyncio-ts/core-loop';
import { sleep, type Timeout, timeout, VirtualClock } from '@asyncio-ts/timers';
import { type Print, round2 } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const t0 = loop.time();
    let inner: Timeout | undefined;
    let outer: Timeout | undefined;
    try {
      yield* timeout(0.02, function* (o) {
        outer = o;
        try {
          yield* timeout(0.01, function* (i) {
            inner = i;
            yield* sleep(1);
          });
        } catch (e) {
          if (!(e instanceof TimeoutError)) throw e;
          print('inner timed out at', round2(loop.time() - t0), 'outer expired:', o.expired());
        }
        yield* sleep(1);
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print('outer timed out at', round2(loop.time() - t0), 'inner expired:', inner?.expired());
    }
    try {
      yield* timeout(0.01, function* (o) {
        outer = o;
        yield* timeout(0.02, function* (i) {
          inner = i;
          yield* sleep(1);
        });
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print(
        'outer fired first at',
        round2(loop.time() - t0),
        'inner expired:',
        inner?.expired(),
        'outer expired:',
        outer?.expired(),
      );
    }
  }
  run(main, { clock: new VirtualClock() });
}
