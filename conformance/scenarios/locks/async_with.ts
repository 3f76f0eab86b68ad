import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import {
  type Acquirable,
  BoundedSemaphore,
  Condition,
  holding,
  Lock,
  Semaphore,
} from '@asyncio-ts/locks';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export function* main(print: Print): Coroutine<void> {
  const loop = getRunningLoop();
  const primitives: (Acquirable & { locked(): boolean })[] = [
    new Lock(),
    new Condition(),
    new Semaphore(),
    new BoundedSemaphore(),
  ];
  for (const p of primitives) {
    const name = p.constructor.name;
    yield* holding(p, function* () {
      print(name, 'entered:', null, 'locked:', p.locked());
    });
    try {
      yield* holding(p, function* () {
        throw new RangeError('boom');
      });
    } catch (error) {
      if (error instanceof RangeError) print(name, 'after exception, locked:', p.locked());
    }
    const body = (tag: string): Coroutine<void> =>
      holding(p, function* () {
        print(name, tag, 'in body');
        yield* sleep(1);
      });
    const first = loop.createTask(body('first'));
    yield* sleep(0);
    const second = loop.createTask(body('second'));
    yield* sleep(0);
    second.cancel();
    yield* sleep(0);
    first.cancel();
    yield* sleep(0);
    print(name, 'both cancelled:', first.cancelled(), second.cancelled(), 'locked:', p.locked());
  }
}

export default function (print: Print): void {
  run(() => main(print), { clock: new VirtualClock() });
}
