import {
  type Coroutine,
  type EventLoop,
  getRunningLoop,
  RuntimeError,
  run,
} from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { type Print, ValueError } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const loops: EventLoop[] = [];
  function* answer(): Coroutine<number> {
    loops.push(getRunningLoop());
    yield* sleep(0);
    return 42;
  }
  function* fail(): Coroutine<never> {
    loops.push(getRunningLoop());
    throw new ValueError('main failed');
  }
  print('result:', run(answer, { clock: new VirtualClock() }));
  try {
    run(fail, { clock: new VirtualClock() });
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print('raised:', e);
  }
  print(
    'loops closed:',
    loops.map((l) => l.isClosed()),
    'distinct:',
    loops[0] !== loops[1],
  );
  try {
    getRunningLoop();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    print('outside:', e);
  }
}
