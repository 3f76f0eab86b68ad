import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    loop.callSoon(print, 'callback 1');
    yield* sleep(0);
    print('after sleep(0)');
    loop.callSoon(print, 'callback 2');
    yield* sleep(-5);
    print('after sleep(-5)');
    loop.callSoon(print, 'callback 3');
    loop.callSoon(() => loop.callSoon(print, 'callback 3, next iteration'));
    yield* sleep(0);
    print('after sleep(0) again');
    yield* sleep(0);
    print('after another sleep(0)');
  }
  run(main, { clock: new VirtualClock() });
}
