import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, typeName, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* ok(): Coroutine<string> {
    yield* sleep(0);
    return 'ok value';
  }
  function* fails(): Coroutine<never> {
    yield* sleep(0);
    throw new ValueError('task failed');
  }
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const t1 = loop.createTask(ok());
    const t2 = loop.createTask(fails());
    print('awaited:', yield* t1);
    try {
      yield* t2;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print('awaiting raised:', typeName(e), e);
    }
    print('t1 result:', t1.result(), 'exception:', t1.exception());
    print('t2 exception:', typeName(t2.exception()), t2.exception(), 'cancelled:', t2.cancelled());
    try {
      t2.result();
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print('result() raised:', e);
    }
  }
  run(main, { clock: new VirtualClock() });
}
