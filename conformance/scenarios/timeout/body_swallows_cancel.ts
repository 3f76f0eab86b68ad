import {
  CancelledError,
  type Coroutine,
  currentTask,
  getRunningLoop,
  run,
} from '@asyncio-ts/core-loop';
import { sleep, type Timeout, timeout, VirtualClock } from '@asyncio-ts/timers';
import { type Print, round2 } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const t0 = loop.time();
    let cm: Timeout | undefined;
    yield* timeout(0.01, function* (scope) {
      cm = scope;
      try {
        yield* sleep(1);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        print('body swallows the cancellation at', round2(loop.time() - t0));
      }
    });
    print('no TimeoutError; expired:', cm?.expired(), 'cancelling:', currentTask()?.cancelling());
  }
  run(main, { clock: new VirtualClock() });
}
