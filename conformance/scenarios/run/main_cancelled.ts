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
  function* main(): Coroutine<void> {
    const me = currentTask();
    getRunningLoop().callLater(0.01, () => me?.cancel());
    try {
      yield* sleep(1);
    } finally {
      print("main's finally runs");
    }
  }
  try {
    run(main, { clock: new VirtualClock() });
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print('asyncio.run raised CancelledError');
  }
}
