import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  let runs = 0;
  function* once(): Coroutine<number> {
    runs += 1;
    yield* sleep(0.01);
    return runs;
  }
  function* main(): Coroutine<void> {
    print('empty:', yield* gather());
    const coro = once();
    print('same coroutine twice:', yield* gather(coro, coro), 'runs:', runs);
    const task = getRunningLoop().createTask(once());
    print('same task twice:', yield* gather(task, task, once()), 'runs:', runs);
  }
  run(main, { clock: new VirtualClock() });
}
