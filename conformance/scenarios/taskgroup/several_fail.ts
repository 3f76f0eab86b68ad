import { type Coroutine, type Future, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { ExceptionGroup, taskGroup } from '@asyncio-ts/gather';
import { VirtualClock } from '@asyncio-ts/timers';
import { type Print, pyStr, typeName, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* fails(gate: Future<null>, v: string): Coroutine<never> {
    yield* gate;
    throw new ValueError(v);
  }
  function* main(): Coroutine<void> {
    const gate = getRunningLoop().createFuture<null>();
    getRunningLoop().callLater(0.01, () => gate.setResult(null));
    try {
      yield* taskGroup(function* (tg) {
        tg.createTask(fails(gate, 'x'));
        tg.createTask(fails(gate, 'y'));
      });
    } catch (e) {
      if (!(e instanceof ExceptionGroup)) throw e;
      print(
        typeName(e),
        '|',
        e.message,
        '|',
        e.errors.map((err: unknown) => `${typeName(err)}:${pyStr(err)}`),
      );
    }
  }
  run(main, { clock: new VirtualClock() });
}
