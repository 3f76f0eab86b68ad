import { type Coroutine, getRunningLoop, run, TimeoutError } from '@asyncio-ts/core-loop';
import { VirtualClock, waitFor } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* body(): Coroutine<number> {
    print('body runs (never printed)');
    return 1;
  }
  function* main(): Coroutine<void> {
    try {
      yield* waitFor(body(), 0);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print('TimeoutError at once');
    }
    const task = getRunningLoop().createTask(body());
    try {
      yield* waitFor(task, 0);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print('task cancelled:', task.cancelled());
    }
  }
  run(main, { clock: new VirtualClock() });
}
