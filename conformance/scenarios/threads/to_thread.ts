import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { toThread } from '@asyncio-ts/threads';
import { sleep } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

const work = new URL('./work.mjs', import.meta.url);

export function* main(print: Print): Coroutine<void> {
  const loop = getRunningLoop();
  print('square:', yield* toThread<number>(work, 'square', 7));
  print('executor:', yield* loop.runInExecutor<number>(null, work, 'square', 5));
  print(
    'gathered:',
    yield* gather(
      toThread<string>(work, 'label', 'a', 0.15),
      toThread<string>(work, 'label', 'b', 0.05),
      toThread<string>(work, 'label', 'c', 0.1),
    ),
  );
  const tick = loop.createTask(
    (function* () {
      yield* sleep(0);
      print('tick while the thread works');
    })(),
  );
  print(yield* toThread<string>(work, 'label', 'slow', 0.3));
  yield* tick;
  try {
    yield* toThread(work, 'fail', 'boom');
  } catch (error) {
    print('caught:', (error as Error).name, (error as Error).message);
  }
  const waiter = loop.createTask(toThread<string>(work, 'label', 'cancelled', 0.2));
  yield* sleep(0);
  waiter.cancel();
  try {
    yield* waiter;
  } catch {
    print('waiter cancelled:', waiter.cancelled());
  }
}

export default function (print: Print): void {
  run(() => main(print));
}
