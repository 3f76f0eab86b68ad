import { type Coroutine, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(name: string, d: number): Coroutine<string> {
    print(name, 'starts');
    yield* sleep(d);
    print(name, 'ends');
    return name.toUpperCase();
  }
  function* main(): Coroutine<void> {
    print(yield* gather(child('a', 0.03), child('b', 0.01), child('c', 0.02)));
  }
  run(main, { clock: new VirtualClock() });
}
