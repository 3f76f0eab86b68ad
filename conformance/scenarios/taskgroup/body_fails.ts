import { CancelledError, type Coroutine, run } from '@asyncio-ts/core-loop';
import { ExceptionGroup, taskGroup } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, pyStr, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(): Coroutine<void> {
    try {
      yield* sleep(1);
    } catch (e) {
      if (e instanceof CancelledError) print('child cancelled');
      throw e;
    }
  }
  function* main(): Coroutine<void> {
    try {
      yield* taskGroup(function* (tg) {
        tg.createTask(child());
        yield* sleep(0.01);
        throw new ValueError('body failed');
      });
    } catch (e) {
      if (!(e instanceof ExceptionGroup)) throw e;
      print('group:', e.message, e.errors.map(pyStr));
    }
  }
  run(main, { clock: new VirtualClock() });
}
