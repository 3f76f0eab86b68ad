import { type Coroutine, run } from '@asyncio-ts/core-loop';
import { asCompleted } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(v: string, d: number, fail = false): Coroutine<string> {
    yield* sleep(d);
    if (fail) throw new ValueError(v);
    return v;
  }
  function* main(): Coroutine<void> {
    for (const aw of asCompleted([child('a', 0.02), child('b', 0.01, true), child('c', 0.03)])) {
      try {
        print('got', yield* aw);
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        print('raised', e);
      }
    }
  }
  run(main, { clock: new VirtualClock() });
}
