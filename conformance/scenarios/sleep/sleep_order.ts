import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* sleeper(name: string, d: number): Coroutine<void> {
    yield* sleep(d);
    print(name, 'woke');
  }
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const plan: [string, number][] = [
      ['a', 0.03],
      ['b', 0.01],
      ['c', 0.02],
      ['d', 0.01],
      ['e', 0.03],
    ];
    const ts = plan.map(([n, d]) => loop.createTask(sleeper(n, d)));
    yield* gather(ts);
    print('all awake');
  }
  run(main, { clock: new VirtualClock() });
}
