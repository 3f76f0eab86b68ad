import { type Coroutine, type Future, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* waiter(fut: Future<number>, name: string): Coroutine<number> {
    print(name, 'waits');
    const value = yield* fut;
    print(name, 'got', value);
    return value * 2;
  }
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    const fut = loop.createFuture<number>();
    const t1 = loop.createTask(waiter(fut, 'w1'));
    const t2 = loop.createTask(waiter(fut, 'w2'));
    loop.callLater(0.01, (v: number) => fut.setResult(v), 21);
    print('main waits for both');
    const r1 = yield* t1;
    const r2 = yield* t2;
    print('results:', r1, r2);
  }
  run(main, { clock: new VirtualClock() });
}
