import { EventLoop } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const loop = new EventLoop({ clock: new VirtualClock() });
  for (const name of ['a', 'b', 'c', 'd', 'e']) loop.callLater(0.02, print, 'later', name);
  const fromCallback = () => {
    for (const name of ['f', 'g', 'h']) loop.callLater(0.01, print, 'later from callback', name);
  };
  loop.callLater(0.01, fromCallback);
  loop.callLater(0.01, print, 'later 0.01 after from_callback');
  loop.callLater(0.04, () => loop.stop());
  loop.runForever();
  loop.close();
}
