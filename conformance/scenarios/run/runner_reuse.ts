import {
  type Coroutine,
  type EventLoop,
  getRunningLoop,
  Runner,
  RuntimeError,
} from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  function* whichLoop(n: number): Coroutine<[number, EventLoop]> {
    yield* sleep(0);
    return [n, getRunningLoop()];
  }
  const runner = new Runner({ clock: new VirtualClock() });
  let loopA: EventLoop;
  try {
    const [a, la] = runner.run(whichLoop(1));
    const [b, lb] = runner.run(whichLoop(2));
    loopA = la;
    print('results:', a, b, 'same loop:', la === lb, 'is get_loop():', runner.getLoop() === la);
  } finally {
    runner.close();
  }
  print('closed after with:', loopA.isClosed());
  const coro = whichLoop(3);
  try {
    runner.run(coro);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    coro.return([0, loopA]);
    print('RuntimeError:', e.message);
  }
  const runner2 = new Runner({ clock: new VirtualClock() });
  print('run after close ok:', runner2.run(whichLoop(4))[0]);
  runner2.close();
  runner2.close();
  print('close twice ok');
}
