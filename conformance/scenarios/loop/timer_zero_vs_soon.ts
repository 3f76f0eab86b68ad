import { EventLoop } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const loop = new EventLoop({ clock: new VirtualClock() });
  const first = () => {
    print('first');
    loop.callSoon(print, 'scheduled by first');
  };
  loop.callSoon(first);
  loop.callLater(0, print, 'call_later(0)');
  loop.callLater(-1, print, 'call_later(-1)');
  loop.callSoon(print, 'second');
  loop.callLater(0.01, () => loop.stop());
  loop.runForever();
  loop.close();
}
