import {
  CancelledError,
  type Coroutine,
  getRunningLoop,
  run,
  TimeoutError,
} from '@asyncio-ts/core-loop';
import { sleep, type Timeout, timeout, VirtualClock } from '@asyncio-ts/timers';
import { args, type Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(): Coroutine<void> {
    let cm: Timeout | undefined;
    try {
      yield* timeout(1, function* (scope) {
        cm = scope;
        yield* sleep(2);
      });
    } catch (e) {
      if (e instanceof TimeoutError) {
        print('never: TimeoutError');
        return;
      }
      if (e instanceof CancelledError)
        print('child: CancelledError', args(e), 'expired:', cm?.expired());
      throw e;
    }
  }
  function* main(): Coroutine<void> {
    const t = getRunningLoop().createTask(child());
    yield* sleep(0.01);
    t.cancel('from outside');
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('main: child cancelled:', t.cancelled());
    }
  }
  run(main, { clock: new VirtualClock() });
}
