import { CancelledError, type Coroutine, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* stubborn(): Coroutine<string> {
    try {
      yield* sleep(1);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('stubborn swallows the cancel');
    }
    return 'stubborn result';
  }
  function* plain(): Coroutine<void> {
    yield* sleep(1);
  }
  function* main(): Coroutine<void> {
    const g = gather([stubborn(), plain()], { returnExceptions: true });
    yield* sleep(0.01);
    g.cancel();
    try {
      print('result:', yield* g);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('gather raised CancelledError even with return_exceptions');
    }
  }
  run(main, { clock: new VirtualClock() });
}
