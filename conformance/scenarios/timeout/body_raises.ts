import { type Coroutine, run } from '@asyncio-ts/core-loop';
import { sleep, type Timeout, timeout, VirtualClock } from '@asyncio-ts/timers';
import { type Print, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* main(): Coroutine<void> {
    let cm: Timeout | undefined;
    try {
      yield* timeout(1, function* (scope) {
        cm = scope;
        yield* sleep(0.01);
        throw new ValueError('from the body');
      });
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print('ValueError:', e, 'expired:', cm?.expired());
    }
  }
  run(main, { clock: new VirtualClock() });
}
