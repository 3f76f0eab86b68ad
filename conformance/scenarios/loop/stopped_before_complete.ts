import { EventLoop, RuntimeError } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const loop = new EventLoop({ clock: new VirtualClock() });
  const fut = loop.createFuture<number>();
  loop.callSoon(() => loop.stop());
  try {
    loop.runUntilComplete(fut);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    print('RuntimeError:', e.message);
  }
  print('future done:', fut.done());
  loop.callSoon((v: number) => fut.setResult(v), 7);
  print('result:', loop.runUntilComplete(fut));
  loop.close();
}
