import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock, waitFor } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* value(v: string, d: number): Coroutine<string> {
    yield* sleep(d);
    return v;
  }
  function* main(): Coroutine<void> {
    print(yield* waitFor(value('fast', 0.01), 0.1));
    print(yield* waitFor(value('no timeout', 0.02), null));
    const fut = getRunningLoop().createFuture<string>();
    fut.setResult('already done');
    print(yield* waitFor(fut, 0));
  }
  run(main, { clock: new VirtualClock() });
}
