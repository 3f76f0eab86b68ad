import { type Coroutine, getRunningLoop, run, TimeoutError } from '@asyncio-ts/core-loop';
import { asCompleted } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, round2 } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(v: string, d: number): Coroutine<string> {
    yield* sleep(d);
    return v;
  }
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const t0 = loop.time();
    const slow = loop.createTask(child('slow', 0.05));
    try {
      for (const aw of asCompleted([child('fast', 0.01), slow], { timeout: 0.02 })) {
        print('got', yield* aw, 'at', round2(loop.time() - t0));
      }
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print('TimeoutError at', round2(loop.time() - t0), 'slow cancelled:', slow.cancelled());
    }
    slow.cancel();
  }
  run(main, { clock: new VirtualClock() });
}
