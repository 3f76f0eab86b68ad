import { type Coroutine, currentTask, run } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  apply();
  try {
    function* fails(): Coroutine<never> {
      yield* sleep(0.01);
      throw new ValueError('nested failure');
    }
    function* outer(): Coroutine<string> {
      currentTask()?.setName('outer-task');
      try {
        run(fails());
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        print('caught', e);
      }
      print('current task restored:', currentTask()?.getName());
      yield* sleep(0.01);
      print('outer still runs');
      return 'ok';
    }
    run(outer, { clock: new VirtualClock() });
    print('done');
  } finally {
    revert(); // Python runs each nest scenario in a process of its own
  }
}
