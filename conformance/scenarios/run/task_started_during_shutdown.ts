import { type Coroutine, getRunningLoop, run, type Task } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const messages: string[] = [];
  function* late(): Coroutine<void> {
    print('late task starts');
    yield* sleep(1);
    print('late task ends');
  }
  function* background(): Coroutine<void> {
    try {
      yield* sleep(10);
    } finally {
      print('background cleanup starts a task');
      getRunningLoop().createTask(late(), { name: 'late' });
    }
  }
  function* main(): Coroutine<void> {
    getRunningLoop().setExceptionHandler((_loop, ctx) =>
      messages.push(`${ctx.message} ${(ctx.task as Task<unknown>).getName()}`),
    );
    getRunningLoop().createTask(background());
    yield* sleep(0.01);
    print('main returns');
  }
  run(main, { clock: new VirtualClock() });
  print('after run:', messages);
}
