import { allTasks, type Coroutine, currentTask, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* sleeper(d: number): Coroutine<void> {
    yield* sleep(d);
  }
  const others = () =>
    [...allTasks()]
      .filter((t) => t !== currentTask())
      .map((t) => t.getName())
      .sort();
  function* main(): Coroutine<void> {
    const me = currentTask();
    print('only main:', allTasks().size, me !== null && allTasks().has(me));
    const loop = getRunningLoop();
    const a = loop.createTask(sleeper(0.01), { name: 'a' });
    const b = loop.createTask(sleeper(0.02), { name: 'b' });
    print('three:', others());
    yield* a;
    print('after a:', others());
    yield* b;
    print('after b:', allTasks().size);
  }
  run(main, { clock: new VirtualClock() });
}
