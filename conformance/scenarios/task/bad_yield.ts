import {
  type Coroutine,
  getRunningLoop,
  RuntimeError,
  run,
  type Yielded,
} from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(): Coroutine<string | undefined> {
    try {
      // A coroutine may only yield futures (or nothing): 42 is a bad yield.
      yield 42 as unknown as Yielded;
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      print('child got RuntimeError:', e.message);
      return 'recovered';
    }
    return undefined;
  }
  function* main(): Coroutine<void> {
    print('result:', yield* getRunningLoop().createTask(child()));
  }
  run(main, { clock: new VirtualClock() });
}
