import { type Coroutine, run } from '@asyncio-ts/core-loop';
import { asCompleted } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(v: string, d: number): Coroutine<string> {
    yield* sleep(d);
    return v;
  }
  function* main(): Coroutine<void> {
    for (const aw of asCompleted([
      child('slow', 0.03),
      child('fast', 0.01),
      child('middle', 0.02),
    ])) {
      print('next:', yield* aw);
    }
  }
  run(main, { clock: new VirtualClock() });
}
