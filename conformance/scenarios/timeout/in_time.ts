import { type Coroutine, run } from '@asyncio-ts/core-loop';
import { sleep, type Timeout, timeout, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* main(): Coroutine<void> {
    let cm: Timeout | undefined;
    const value = yield* timeout(0.05, function* (scope) {
      cm = scope;
      yield* sleep(0.01);
      return 'done in time';
    });
    print(value, 'expired:', cm?.expired());
    let cm2: Timeout | undefined;
    yield* timeout(null, function* (scope) {
      cm2 = scope;
      yield* sleep(0.01);
    });
    print('timeout(None) expired:', cm2?.expired(), 'when:', cm2?.when());
  }
  run(main, { clock: new VirtualClock() });
}
