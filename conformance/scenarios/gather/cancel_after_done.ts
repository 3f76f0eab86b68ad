import { type Coroutine, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(v: number): Coroutine<number> {
    return v;
  }
  function* main(): Coroutine<void> {
    const g = gather(child(1), child(2));
    print('result:', yield* g);
    print('cancel:', g.cancel(), 'result:', g.result());
  }
  run(main, { clock: new VirtualClock() });
}
