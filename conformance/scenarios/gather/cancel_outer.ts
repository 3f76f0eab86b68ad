import { CancelledError, type Coroutine, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { args, type Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* child(name: string): Coroutine<void> {
    try {
      yield* sleep(1);
    } catch (e) {
      if (e instanceof CancelledError) print(name, 'cancelled', args(e));
      throw e;
    }
  }
  function* main(): Coroutine<void> {
    const g = gather(child('a'), child('b'));
    yield* sleep(0.01);
    print('cancel:', g.cancel('stop all'));
    print('cancel again:', g.cancel());
    try {
      yield* g;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print('await gather: CancelledError', args(e));
    }
    print('gather done:', g.done(), 'cancelled:', g.cancelled());
  }
  run(main, { clock: new VirtualClock() });
}
