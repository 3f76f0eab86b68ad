import { type Coroutine, getRunningLoop, RuntimeError, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* main(): Coroutine<void> {
    print('Hello');
    yield* sleep(0.01);
    print('World');
  }
  function* kernelCell(): Coroutine<void> {
    const coro = main();
    try {
      run(coro, { clock: new VirtualClock() });
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      coro.return();
      print(`RuntimeError: ${e.message}`);
    }
    print('the cell goes on, loop running:', getRunningLoop().isRunning());
  }
  run(kernelCell, { clock: new VirtualClock() });
  run(main, { clock: new VirtualClock() });
}
