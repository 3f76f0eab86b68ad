import { EventLoop } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const loop = new EventLoop({ clock: new VirtualClock() });
  const again = (n: number): void => {
    print('iteration callback', n);
    if (n < 3) loop.callSoon(again, n + 1);
  };
  loop.callSoon(again, 1);
  loop.stop();
  loop.runForever();
  print('returned after one iteration');
  loop.callSoon(() => loop.stop());
  loop.runForever();
  print('returned again');
  loop.close();
}
