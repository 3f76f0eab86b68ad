import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { shield } from '@asyncio-ts/gather';
import { VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* main(): Coroutine<void> {
    const fut = getRunningLoop().createFuture<number>();
    fut.setResult(3);
    const s = shield(fut);
    print('same future:', s === fut, 'result:', yield* s);
  }
  run(main, { clock: new VirtualClock() });
}
