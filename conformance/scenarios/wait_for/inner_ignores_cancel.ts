import { CancelledError, type Coroutine, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock, waitFor } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* stubborn(): Coroutine<string> {
    try {
      yield* sleep(1);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('stubborn: cancelled, returns anyway');
    }
    return 'late value';
  }
  function* main(): Coroutine<void> {
    print('wait_for returned:', yield* waitFor(stubborn(), 0.01));
  }
  run(main, { clock: new VirtualClock() });
}
