import { type Coroutine, currentTask, run } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  apply();
  try {
    function* inner(): Coroutine<void> {
      currentTask()?.setName('inner-task');
      print('inside nested run:', currentTask()?.getName());
      yield* sleep(0.01);
      print('inside after sleep:', currentTask()?.getName());
    }
    function* outer(): Coroutine<void> {
      currentTask()?.setName('outer-task');
      print('before:', currentTask()?.getName());
      run(inner());
      print('after:', currentTask()?.getName());
      yield* sleep(0);
      print('after a yield:', currentTask()?.getName());
    }
    run(outer, { clock: new VirtualClock() });
  } finally {
    revert(); // Python runs each nest scenario in a process of its own
  }
}
