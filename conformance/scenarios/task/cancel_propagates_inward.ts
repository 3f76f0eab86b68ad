import {
  CancelledError,
  type Coroutine,
  getRunningLoop,
  run,
  type Task,
} from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { args, type Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* inner(): Coroutine<void> {
    try {
      yield* sleep(1);
    } catch (e) {
      if (e instanceof CancelledError) print('inner cancelled', args(e));
      throw e;
    }
  }
  function* outer(t: Task<void>): Coroutine<void> {
    try {
      yield* t;
    } catch (e) {
      if (e instanceof CancelledError) print('outer cancelled', args(e));
      throw e;
    }
  }
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const ti = loop.createTask(inner());
    const to = loop.createTask(outer(ti));
    yield* sleep(0.01);
    print('cancel outer:', to.cancel('from main'));
    for (const [name, t] of [
      ['outer', to],
      ['inner', ti],
    ] as const) {
      try {
        yield* t;
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
      }
      print(name, 'cancelled:', t.cancelled());
    }
  }
  run(main, { clock: new VirtualClock() });
}
