import {
  CancelledError,
  type Coroutine,
  getRunningLoop,
  KeyboardInterrupt,
  run,
} from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { args, type Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* interrupter(): Coroutine<void> {
    yield* sleep(0.01);
    print('interrupter raises KeyboardInterrupt');
    throw new KeyboardInterrupt('from a task');
  }
  function* main(): Coroutine<void> {
    getRunningLoop().createTask(interrupter());
    try {
      yield* sleep(1);
      print('main slept');
    } catch (e) {
      if (e instanceof CancelledError) print('main cancelled by the shutdown');
      throw e;
    } finally {
      print("main's finally runs");
    }
  }
  // The interrupter's stored exception is reported when the loop closes, as Python's
  // "Task exception was never retrieved" (on stderr there): keep it out of the trace.
  const quiet = () => {};
  try {
    run(
      function* () {
        getRunningLoop().setExceptionHandler(quiet);
        yield* main();
      },
      { clock: new VirtualClock() },
    );
  } catch (e) {
    if (!(e instanceof KeyboardInterrupt)) throw e;
    print('asyncio.run raised KeyboardInterrupt', args(e));
  }
}
