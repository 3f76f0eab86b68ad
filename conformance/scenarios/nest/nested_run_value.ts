import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  apply();
  try {
    function* inner(x: number): Coroutine<number> {
      yield* sleep(0.01);
      return x * 2;
    }
    function* outer(): Coroutine<number> {
      const loop = getRunningLoop();
      const value = run(inner(21));
      print('nested run returned', value);
      print('same loop still running:', getRunningLoop() === loop, loop.isRunning());
      return value + 1;
    }
    print('outer returned', run(outer, { clock: new VirtualClock() }));
  } finally {
    revert(); // Python runs each nest scenario in a process of its own
  }
}
