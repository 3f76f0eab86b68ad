import {
  CancelledError,
  type Coroutine,
  currentTask,
  getRunningLoop,
  run,
} from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(): Coroutine<string> {
    for (let i = 0; i < 3; i++) {
      try {
        yield* sleep(0.05);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        const t = currentTask();
        if (t === null) throw new Error('no current task');
        print('child cancelled, cancelling:', t.cancelling());
        print('uncancel ->', t.uncancel());
      }
    }
    return 'child survived';
  }
  function* main(): Coroutine<void> {
    const t = getRunningLoop().createTask(child());
    yield* sleep(0);
    print('cancel:', t.cancel(), t.cancel(), 'cancelling:', t.cancelling());
    yield* sleep(0);
    print('after one step, cancelling:', t.cancelling());
    t.cancel();
    yield* sleep(0);
    print('cancelling:', t.cancelling());
    print('result:', yield* t);
    print('done, cancelling:', t.cancelling(), 'uncancel at zero ->', t.uncancel(), t.uncancel());
  }
  run(main, { clock: new VirtualClock() });
}
