import { CancelledError, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import { args, type Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(): Coroutine<void> {
    print('child body runs (never printed)');
  }
  function* main(): Coroutine<void> {
    const t = getRunningLoop().createTask(child());
    print('cancel:', t.cancel());
    print('cancelling:', t.cancelling(), 'done:', t.done());
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('await raised CancelledError', args(e));
    }
    print('cancelled:', t.cancelled(), 'done:', t.done());
    print('cancel a cancelled task:', t.cancel());
  }
  run(main, { clock: new VirtualClock() });
}
