import { type Coroutine, getRunningLoop, run, type Task } from '@asyncio-ts/core-loop';
import { wait } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(v: string, d: number): Coroutine<string> {
    yield* sleep(d);
    print(v, 'finishes');
    return v;
  }
  const names = (tasks: Set<Task<string>>) => [...tasks].map((t) => t.getName()).sort();
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const plan: [string, number][] = [
      ['a', 0.02],
      ['b', 0.01],
      ['c', 0.03],
    ];
    const tasks = plan.map(([n, d]) => loop.createTask(child(n, d), { name: n }));
    let [done, pending] = yield* wait(tasks, { returnWhen: 'FIRST_COMPLETED' });
    print('done:', names(done), 'pending:', names(pending));
    [done, pending] = yield* wait(pending, { returnWhen: 'FIRST_COMPLETED' });
    print('done:', names(done), 'pending:', names(pending));
    yield* wait(pending);
  }
  run(main, { clock: new VirtualClock() });
}
