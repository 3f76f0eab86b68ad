import { CancelledError, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { args, type Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(): Coroutine<void> {
    print('child step 1');
    try {
      yield* sleep(0);
      print('never printed');
    } catch (e) {
      if (e instanceof CancelledError) print('child step 2 got CancelledError', args(e));
      throw e;
    }
  }
  function* main(): Coroutine<void> {
    const t = getRunningLoop().createTask(child());
    yield* sleep(0);
    print('cancel:', t.cancel('now'));
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('main got', args(e), 'cancelled:', t.cancelled());
    }
  }
  run(main, { clock: new VirtualClock() });
}
