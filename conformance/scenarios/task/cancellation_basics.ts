import { CancelledError, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { args, type Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* worker(): Coroutine<void> {
    try {
      yield* sleep(10);
    } catch (e) {
      if (e instanceof CancelledError) print('worker cancelled with', args(e));
      throw e;
    }
  }
  function* main(): Coroutine<void> {
    const t = getRunningLoop().createTask(worker());
    yield* sleep(0);
    t.cancel('shutting down');
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('main saw cancelled:', t.cancelled());
    }
  }
  run(main, { clock: new VirtualClock() });
}
