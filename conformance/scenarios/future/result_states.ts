import { type Coroutine, getRunningLoop, InvalidStateError, run } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import { type Print, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const fut = loop.createFuture<number>();
    print('done:', fut.done(), 'cancelled:', fut.cancelled());
    for (const [name, call] of [
      ['result', () => fut.result()],
      ['exception', () => fut.exception()],
    ] as const) {
      try {
        call();
      } catch (e) {
        if (!(e instanceof InvalidStateError)) throw e;
        print(name, 'InvalidStateError:', e.message);
      }
    }
    fut.setResult(42);
    print('done:', fut.done(), 'result:', fut.result(), 'exception:', fut.exception());
    for (const [name, call] of [
      ['set_result', () => fut.setResult(1)],
      ['set_exception', () => fut.setException(new ValueError())],
    ] as const) {
      try {
        call();
      } catch (e) {
        if (!(e instanceof InvalidStateError)) throw e;
        print(name, 'InvalidStateError:', e.message);
      }
    }
    print('cancel a done future:', fut.cancel(), 'result still:', fut.result());
  }
  run(main, { clock: new VirtualClock() });
}
