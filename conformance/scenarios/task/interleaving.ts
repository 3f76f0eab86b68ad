import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* worker(name: string, steps: number): Coroutine<void> {
    for (let i = 0; i < steps; i++) {
      print(name, 'step', i);
      yield* sleep(0);
    }
    print(name, 'done');
  }
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const tasks = (
      [
        ['a', 3],
        ['b', 1],
        ['c', 2],
      ] as const
    ).map(([n, s]) => loop.createTask(worker(n, s)));
    for (const t of tasks) yield* t;
    print('main done');
  }
  run(main, { clock: new VirtualClock() });
}
