import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { wait } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(v: string, d: number, fail: boolean): Coroutine<string> {
    yield* sleep(d);
    if (fail) throw new ValueError(v);
    return v;
  }
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const plan: [string, number, boolean][] = [
      ['a', 0.02, false],
      ['b', 0.01, true],
      ['c', 0.03, false],
    ];
    const tasks = plan.map(([n, d, f]) => loop.createTask(child(n, d, f), { name: n }));
    const [done, pending] = yield* wait(tasks);
    print('done:', [...done].map((t) => t.getName()).sort(), 'pending:', pending.size);
    print('b raised:', tasks[1]?.exception());
  }
  run(main, { clock: new VirtualClock() });
}
