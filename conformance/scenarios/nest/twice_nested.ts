import { type Coroutine, run } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  apply();
  try {
    function* level(n: number): Coroutine<number> {
      print('enter level', n);
      yield* sleep(0.01);
      const r = n < 3 ? run(level(n + 1)) : 0;
      print('leave level', n);
      return r + n;
    }
    print('sum:', run(level(1), { clock: new VirtualClock() }));
  } finally {
    revert(); // Python runs each nest scenario in a process of its own
  }
}
