import { EventLoop, type TimerHandle } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import { float, type Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const loop = new EventLoop({ clock: new VirtualClock() });
  const h1 = loop.callSoon(print, 'h1');
  const h2 = loop.callSoon(print, 'h2 (cancelled)');
  const t1 = loop.callLater(0.01, print, 't1 (cancelled)');
  const t2 = loop.callLater(0.02, print, 't2');
  h2.cancel();
  h2.cancel();
  t1.cancel();
  print('h2 cancelled:', h2.cancelled(), 'h1 cancelled:', h1.cancelled());
  print('t2 when - t1 when:', float(Math.round((t2.when() - t1.when()) * 100) / 100));
  let t3: TimerHandle | undefined;
  loop.callSoon(() => {
    print('cancelling t3 from a callback');
    t3?.cancel();
  });
  t3 = loop.callLater(0.015, print, 't3 (cancelled)');
  loop.callLater(0.03, () => loop.stop());
  loop.runForever();
  print('t1 cancelled:', t1.cancelled(), 't2 cancelled:', t2.cancelled());
  loop.close();
}
