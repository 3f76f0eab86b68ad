import { type Coroutine, EventLoop, RuntimeError } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  const loop = new EventLoop({ clock: new VirtualClock() });
  function* inner(): Coroutine<number> {
    return 1;
  }
  function* outer(): Coroutine<void> {
    const coro = inner();
    try {
      loop.runUntilComplete(coro);
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      print('RuntimeError:', e.message);
    }
    coro.return(0);
    try {
      loop.runForever();
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      print('RuntimeError:', e.message);
    }
    print('is_running inside:', loop.isRunning());
  }
  loop.runUntilComplete(outer());
  print('is_running after:', loop.isRunning(), 'is_closed:', loop.isClosed());
  loop.close();
  loop.close();
  print('is_closed:', loop.isClosed());
  const calls: [string, () => void][] = [
    ['call_soon', () => loop.callSoon(print)],
    ['call_later', () => loop.callLater(1, print)],
    ['run_forever', () => loop.runForever()],
  ];
  for (const [name, call] of calls) {
    try {
      call();
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      print(name, 'RuntimeError:', e.message);
    }
  }
}
