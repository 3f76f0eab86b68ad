import {
  CancelledError,
  type Coroutine,
  getRunningLoop,
  run,
  type Task,
} from '@asyncio-ts/core-loop';
import { shield } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* inner(): Coroutine<string> {
    print('inner starts');
    yield* sleep(0.02);
    print('inner finishes');
    return 'inner result';
  }
  function* waiter(t: Task<string>): Coroutine<string> {
    try {
      return yield* shield(t);
    } catch (e) {
      if (e instanceof CancelledError) print('waiter cancelled, inner done:', t.done());
      throw e;
    }
  }
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const t = loop.createTask(inner());
    const w = loop.createTask(waiter(t));
    yield* sleep(0.01);
    w.cancel();
    try {
      yield* w;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('waiter cancelled:', w.cancelled());
    }
    print('inner result:', yield* t);
  }
  run(main, { clock: new VirtualClock() });
}
