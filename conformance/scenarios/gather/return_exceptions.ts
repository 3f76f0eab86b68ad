import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, typeName, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(name: string, d: number, fail = false): Coroutine<string> {
    yield* sleep(d);
    if (fail) throw new ValueError(name);
    return name;
  }
  function* main(): Coroutine<void> {
    const c = getRunningLoop().createTask(child('c', 1));
    getRunningLoop().callLater(0.02, () => c.cancel());
    const results = yield* gather([child('a', 0.01), child('b', 0.01, true), c], {
      returnExceptions: true,
    });
    for (const r of results) print(typeof r === 'string' ? 'str' : typeName(r), r);
  }
  run(main, { clock: new VirtualClock() });
}
