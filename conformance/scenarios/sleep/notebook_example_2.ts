import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, round2 } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* task1(): Coroutine<void> {
    print('Start task1');
    yield* sleep(0.02);
    print('End task1');
  }
  function* task2(): Coroutine<void> {
    print('Start task2');
    yield* sleep(0.02);
    print('End task2');
  }
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const t0 = loop.time();
    yield* gather(task1(), task2());
    print('elapsed', round2(loop.time() - t0));
  }
  run(main, { clock: new VirtualClock() });
}
