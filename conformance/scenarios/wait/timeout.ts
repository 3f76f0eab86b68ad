import { type Coroutine, getRunningLoop, run, type Task } from '@asyncio-ts/core-loop';
import { wait } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, round2 } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(v: string, d: number): Coroutine<string> {
    yield* sleep(d);
    return v;
  }
  const names = (tasks: Set<Task<string>>) => [...tasks].map((t) => t.getName()).sort();
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const t0 = loop.time();
    const a = loop.createTask(child('a', 0.01), { name: 'a' });
    const b = loop.createTask(child('b', 0.03), { name: 'b' });
    const [done, pending] = yield* wait([a, b], { timeout: 0.02 });
    print('at', round2(loop.time() - t0), 'done:', names(done), 'pending:', names(pending));
    print('b cancelled:', b.cancelled(), 'b result later:', yield* b);
  }
  run(main, { clock: new VirtualClock() });
}
