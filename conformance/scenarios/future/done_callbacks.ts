import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const fut = loop.createFuture<string>();
    fut.addDoneCallback((f) => print('callback 1 sees result', f.result()));
    fut.addDoneCallback((f) => print('callback 2, same future:', f === fut));
    loop.callSoon(print, 'call_soon before set_result');
    fut.setResult('value');
    print('set_result returned');
    loop.callSoon(print, 'call_soon after set_result');
    fut.addDoneCallback(() => print('callback 3, added when done'));
    print('add_done_callback on a done future returned');
    yield* sleep(0);
    print('after one turn');
    yield* sleep(0);
    print('after two turns');
  }
  run(main, { clock: new VirtualClock() });
}
