import { CancelledError, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { args, type Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(): Coroutine<void> {
    try {
      yield* sleep(1);
    } catch (e) {
      if (e instanceof CancelledError) print('child got', args(e));
      throw e;
    }
  }
  function* main(): Coroutine<void> {
    const t = getRunningLoop().createTask(child());
    yield* sleep(0);
    print(t.cancel('first'), t.cancel('second'));
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('main got', args(e));
    }
    print('cancelled:', t.cancelled());
  }
  run(main, { clock: new VirtualClock() });
}
