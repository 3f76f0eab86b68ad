import {
  CancelledError,
  type Coroutine,
  getRunningLoop,
  InvalidStateError,
  run,
} from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import { args, type Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const fut = loop.createFuture<number>();
    fut.addDoneCallback((f) => print('callback: cancelled', f.cancelled()));
    print('cancel:', fut.cancel('stop it'));
    print('cancel again:', fut.cancel('ignored'));
    print('done:', fut.done(), 'cancelled:', fut.cancelled());
    for (const [name, call] of [
      ['result', () => fut.result()],
      ['exception', () => fut.exception()],
    ] as const) {
      try {
        call();
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        print(name, 'raised CancelledError', args(e));
      }
    }
    try {
      fut.setResult(1);
    } catch (e) {
      if (!(e instanceof InvalidStateError)) throw e;
      print('set_result on cancelled: InvalidStateError:', e.message);
    }
    try {
      yield* fut;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('await raised CancelledError', args(e));
    }
  }
  run(main, { clock: new VirtualClock() });
}
