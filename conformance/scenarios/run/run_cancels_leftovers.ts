import { CancelledError, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { args, type Print, pyStr } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const cancelled: string[] = [];
  function* leftover(name: string, catchIt: boolean): Coroutine<void> {
    try {
      yield* sleep(10);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      cancelled.push(`${name} ${pyStr(args(e))}`);
      if (catchIt) {
        yield* sleep(0);
        print(name, 'cleanup finished, loop running:', getRunningLoop().isRunning());
        return;
      }
      throw e;
    }
  }
  function* main(): Coroutine<string> {
    const loop = getRunningLoop();
    loop.createTask(leftover('first', false));
    loop.createTask(leftover('second', true));
    loop.createTask(leftover('third', false));
    yield* sleep(0);
    print('main returns');
    return 'main result';
  }
  print('run returned:', run(main, { clock: new VirtualClock() }));
  print('cancelled at shutdown:', cancelled.sort());
}
