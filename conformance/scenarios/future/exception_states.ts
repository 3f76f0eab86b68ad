import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import { type Print, typeName, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const fut = loop.createFuture<number>();
    const err = new ValueError('bad value');
    fut.setException(err);
    print('done:', fut.done(), 'cancelled:', fut.cancelled());
    print('exception() is err:', fut.exception() === err);
    try {
      fut.result();
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print('result() raised the same error:', e === err);
    }
    try {
      yield* fut;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print('await raised:', typeName(e), e);
    }
  }
  run(main, { clock: new VirtualClock() });
}
