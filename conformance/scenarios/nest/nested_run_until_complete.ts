import { type Coroutine, EventLoop } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* inner(): Coroutine<string> {
    yield* sleep(0.01);
    return 'inner value';
  }
  function* outer(loop: EventLoop): Coroutine<string> {
    print('outer calls run_until_complete');
    print('got', loop.runUntilComplete(inner()));
    const fut = loop.createFuture<string>();
    loop.callLater(0.01, (v: string) => fut.setResult(v), 'future value');
    print('got', loop.runUntilComplete(fut));
    return 'outer value';
  }
  const loop = new EventLoop({ clock: new VirtualClock() });
  apply(loop);
  try {
    print(loop.runUntilComplete(outer(loop)));
    loop.close();
  } finally {
    revert(loop); // Python runs each nest scenario in a process of its own
  }
}
