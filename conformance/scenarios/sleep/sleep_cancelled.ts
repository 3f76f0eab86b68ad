import { CancelledError, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, round2 } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* sleeper(): Coroutine<void> {
    const loop = getRunningLoop();
    const t0 = loop.time();
    try {
      yield* sleep(5);
    } catch (e) {
      if (e instanceof CancelledError) print('sleep cancelled after', round2(loop.time() - t0));
      throw e;
    }
  }
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const t0 = loop.time();
    const t = loop.createTask(sleeper());
    yield* sleep(0.01);
    t.cancel();
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('main sees cancelled:', t.cancelled(), 'at', round2(loop.time() - t0));
    }
  }
  run(main, { clock: new VirtualClock() });
}
