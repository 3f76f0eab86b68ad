import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  apply();
  try {
    function* ticker(): Coroutine<void> {
      for (let i = 0; i < 3; i++) {
        yield* sleep(0.02);
        print('ticker', i);
      }
    }
    function* inner(): Coroutine<string> {
      print('inner starts');
      yield* sleep(0.05);
      print('inner ends');
      return 'inner';
    }
    function* outer(): Coroutine<void> {
      const t = getRunningLoop().createTask(ticker());
      yield* sleep(0);
      print('nested run returned', run(inner()));
      yield* t;
      print('outer ends');
    }
    run(outer, { clock: new VirtualClock() });
  } finally {
    revert(); // Python runs each nest scenario in a process of its own
  }
}
