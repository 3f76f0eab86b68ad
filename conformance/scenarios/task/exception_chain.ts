import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, typeName, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* level3(): Coroutine<void> {
    yield* sleep(0.01);
    throw new TypeError('deep');
  }
  function* level2(): Coroutine<void> {
    yield* getRunningLoop().createTask(level3());
  }
  function* level1(): Coroutine<void> {
    try {
      yield* getRunningLoop().createTask(level2());
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print('level1 caught', typeName(e), e);
      throw new ValueError('wrapped');
    }
  }
  function* main(): Coroutine<void> {
    try {
      yield* level1();
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print('main caught', e);
    }
  }
  run(main, { clock: new VirtualClock() });
}
