import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { shield } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* inner(): Coroutine<string> {
    yield* sleep(0.02);
    return 'still done';
  }
  function* main(): Coroutine<void> {
    const t = getRunningLoop().createTask(inner());
    const s = shield(t);
    print('cancel outer:', s.cancel());
    print('outer cancelled:', s.cancelled(), 'inner cancelled:', t.cancelled());
    print(yield* t);
  }
  run(main, { clock: new VirtualClock() });
}
