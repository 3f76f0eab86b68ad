import { type Coroutine, getRunningLoop, run, type Task } from '@asyncio-ts/core-loop';
import { wait } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(v: string, d: number, fail = false): Coroutine<string> {
    yield* sleep(d);
    print(v, 'ends');
    if (fail) throw new ValueError(v);
    return v;
  }
  const names = (tasks: Set<Task<string>>) => [...tasks].map((t) => t.getName()).sort();
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const plan: [string, number, boolean][] = [
      ['a', 0.01, false],
      ['b', 0.02, true],
      ['c', 0.03, false],
    ];
    let tasks = plan.map(([n, d, f]) => loop.createTask(child(n, d, f), { name: n }));
    let [done, pending] = yield* wait(tasks, { returnWhen: 'FIRST_EXCEPTION' });
    print('done:', names(done), 'pending:', names(pending));
    tasks = [
      loop.createTask(child('x', 0.005), { name: 'x' }),
      loop.createTask(child('y', 0.02), { name: 'y' }),
    ];
    [done, pending] = yield* wait(tasks, { returnWhen: 'FIRST_EXCEPTION' });
    print('no failure: done:', names(done), 'pending:', pending.size);
    yield* sleep(0.02);
  }
  run(main, { clock: new VirtualClock() });
}
