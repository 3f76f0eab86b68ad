import { EventLoop } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const loop = new EventLoop({ clock: new VirtualClock() });
  const a = () => {
    print('a');
    loop.callSoon(print, 'added by a: next iteration');
  };
  loop.callLater(0.002, print, 'timer 2ms');
  loop.callLater(0.001, print, 'timer 1ms');
  loop.callSoon(a);
  loop.callSoon(print, 'b');
  loop.callLater(0.003, () => loop.stop());
  loop.runForever();
  loop.close();
}
