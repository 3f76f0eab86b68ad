import { EventLoop } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const loop = new EventLoop({ clock: new VirtualClock() });
  for (let i = 0; i < 5; i++) loop.callSoon(print, 'callback', i);
  loop.callSoon(() => loop.stop());
  loop.runForever();
  loop.close();
}
