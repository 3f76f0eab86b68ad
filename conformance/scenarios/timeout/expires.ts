import {
  CancelledError,
  type Coroutine,
  currentTask,
  getRunningLoop,
  run,
  TimeoutError,
} from '@asyncio-ts/core-loop';
import { sleep, type Timeout, timeout, VirtualClock } from '@asyncio-ts/timers';
import { args, type Print, round2 } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const t0 = loop.time();
    let cm: Timeout | undefined;
    try {
      yield* timeout(0.01, function* (scope) {
        cm = scope;
        try {
          yield* sleep(1);
        } catch (e) {
          if (e instanceof CancelledError) print('body cancelled at', round2(loop.time() - t0));
          throw e;
        }
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print('TimeoutError', args(e), 'expired:', cm?.expired(), 'at', round2(loop.time() - t0));
    }
    print('task not cancelled:', currentTask()?.cancelling());
  }
  run(main, { clock: new VirtualClock() });
}
