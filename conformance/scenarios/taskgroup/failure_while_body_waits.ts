import { CancelledError, type Coroutine, currentTask, run } from '@asyncio-ts/core-loop';
import { ExceptionGroup, taskGroup } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, pyStr, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* fails(): Coroutine<never> {
    yield* sleep(0.01);
    throw new ValueError('task failed');
  }
  function* main(): Coroutine<void> {
    try {
      yield* taskGroup(function* (tg) {
        tg.createTask(fails());
        try {
          yield* sleep(1);
        } catch (e) {
          if (e instanceof CancelledError) print('body cancelled by the failing task');
          throw e;
        }
      });
    } catch (e) {
      if (!(e instanceof ExceptionGroup)) throw e;
      print('caught', e.errors.map(pyStr));
    }
    print("main's task not cancelled:", currentTask()?.cancelling());
  }
  run(main, { clock: new VirtualClock() });
}
