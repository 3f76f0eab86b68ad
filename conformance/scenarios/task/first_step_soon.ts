import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(name: string): Coroutine<string> {
    print(name, 'first step');
    return name;
  }
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    loop.callSoon(print, 'call_soon before create_task');
    const t = loop.createTask(child('child'));
    loop.callSoon(print, 'call_soon after create_task');
    print('created, done:', t.done());
    print('awaited:', yield* t);
  }
  run(main, { clock: new VirtualClock() });
}
