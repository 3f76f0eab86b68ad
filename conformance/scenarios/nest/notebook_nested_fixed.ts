import { type Coroutine, RuntimeError, run } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
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
      run(coro);
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      coro.return();
      print(`RuntimeError: ${e.message}`);
    }
  }
  run(kernelCell, { clock: new VirtualClock() });
  apply();
  try {
    function* kernelCellFixed(): Coroutine<void> {
      run(main);
      print('cell done');
    }
    run(kernelCellFixed, { clock: new VirtualClock() });
  } finally {
    revert(); // Python runs each nest scenario in a process of its own
  }
}
