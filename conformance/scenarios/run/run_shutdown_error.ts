import { CancelledError, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, typeName, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* badCleanup(): Coroutine<void> {
    try {
      yield* sleep(10);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      throw new ValueError('cleanup failed');
    }
  }
  function* main(): Coroutine<void> {
    getRunningLoop().setExceptionHandler((_loop, ctx) =>
      print(
        'handler:',
        ctx.message,
        '|',
        typeName(ctx.exception),
        ctx.exception,
        '| has task:',
        ctx.task !== undefined,
      ),
    );
    getRunningLoop().createTask(badCleanup());
    yield* sleep(0);
    print('main returns');
  }
  run(main, { clock: new VirtualClock() });
  print('run returned normally');
}
