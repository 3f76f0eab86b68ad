import { CancelledError, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { args, type Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* stubborn(): Coroutine<string> {
    try {
      yield* sleep(10);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('caught CancelledError', args(e));
      yield* sleep(0.01);
      print('cleaned up');
    }
    return 'finished anyway';
  }
  function* main(): Coroutine<void> {
    const t = getRunningLoop().createTask(stubborn());
    yield* sleep(0);
    print('cancel:', t.cancel('please stop'));
    print('cancelling:', t.cancelling());
    print('result:', yield* t);
    print('cancelled:', t.cancelled(), 'cancelling:', t.cancelling());
  }
  run(main, { clock: new VirtualClock() });
}
