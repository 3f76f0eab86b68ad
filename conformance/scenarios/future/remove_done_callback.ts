import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const fut = loop.createFuture<null>();
    const a = () => print('a ran');
    const b = () => print('b ran');
    fut.addDoneCallback(a);
    fut.addDoneCallback(b);
    fut.addDoneCallback(a);
    fut.addDoneCallback(a);
    print('removed a:', fut.removeDoneCallback(a));
    print('removed a again:', fut.removeDoneCallback(a));
    fut.setResult(null);
    print('removed b after done:', fut.removeDoneCallback(b));
    yield* sleep(0);
    print('end');
  }
  run(main, { clock: new VirtualClock() });
}
