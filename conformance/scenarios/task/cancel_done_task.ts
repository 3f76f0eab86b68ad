import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* quick(): Coroutine<number> {
    return 5;
  }
  function* main(): Coroutine<void> {
    const t = getRunningLoop().createTask(quick());
    yield* t;
    print(
      'cancel:',
      t.cancel(),
      'cancelled:',
      t.cancelled(),
      'cancelling:',
      t.cancelling(),
      'result:',
      t.result(),
    );
  }
  run(main, { clock: new VirtualClock() });
}
