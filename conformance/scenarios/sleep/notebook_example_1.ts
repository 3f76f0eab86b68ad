import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, round2 } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* asyncTask(name: string, duration: number): Coroutine<void> {
    print(`Start ${name}`);
    yield* sleep(duration);
    print(`End ${name}`);
  }
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const t0 = loop.time();
    print('Starting asynchronous tasks...');
    yield* gather(
      asyncTask('Task 1', 0.03),
      asyncTask('Task 2', 0.02),
      asyncTask('Task 3', 0.04),
      asyncTask('Task 4', 0.01),
    );
    print('All asynchronous tasks finished.');
    print('elapsed', round2(loop.time() - t0));
  }
  run(main, { clock: new VirtualClock() });
}
