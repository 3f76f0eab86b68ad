import { EventLoop } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const loop = new EventLoop({ clock: new VirtualClock() });
  for (const d of [0.03, 0.01, 0.05, 0.02, 0.04]) loop.callLater(d, print, 'timer', d);
  loop.callSoon(print, 'soon');
  loop.callLater(0.06, () => loop.stop());
  loop.runForever();
  loop.close();
}
