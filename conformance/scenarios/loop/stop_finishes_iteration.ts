import { EventLoop } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const loop = new EventLoop({ clock: new VirtualClock() });
  const stopper = () => {
    print('stopper');
    loop.stop();
    loop.callSoon(print, 'scheduled after stop');
  };
  loop.callSoon(print, 'before stopper');
  loop.callSoon(stopper);
  loop.callSoon(print, 'after stopper, same iteration');
  loop.runForever();
  print('run_forever returned, running:', loop.isRunning());
  loop.callSoon(() => loop.stop());
  loop.runForever();
  print('second run_forever returned');
  loop.close();
}
