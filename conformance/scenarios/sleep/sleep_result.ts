import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, round2 } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const t0 = loop.time();
    print(yield* sleep(0.01, 'slept'));
    print(yield* sleep(0, ['a', 1]));
    print(yield* sleep(0.01));
    print('elapsed', round2(loop.time() - t0));
  }
  run(main, { clock: new VirtualClock() });
}
