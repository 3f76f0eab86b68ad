import { ContextVar } from '@asyncio-ts/contextvars';
import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

export default function (print: Print): void {
  apply();
  try {
    const cvar = new ContextVar('cvar', { default: 'none' });
    function* inner(): Coroutine<string> {
      print('nested main sees', cvar.get());
      cvar.set('nested');
      yield* sleep(0.01);
      return cvar.get();
    }
    function* other(name: string): Coroutine<void> {
      cvar.set(name);
      yield* sleep(0.005);
      print(name, 'sees', cvar.get());
    }
    function* outer(): Coroutine<void> {
      cvar.set('outer');
      const t = getRunningLoop().createTask(other('sibling'));
      const value = run(inner());
      print('nested run returned', value, '; outer has', cvar.get());
      yield* t;
      const v = new ContextVar<number>('var');
      v.set(0);
      function* setVal(): Coroutine<void> {
        v.set(42);
      }
      function* coro(): Coroutine<number> {
        yield* setVal();
        yield* sleep(0.01);
        return v.get();
      }
      print('nest_asyncio test_contextvars:', getRunningLoop().runUntilComplete(coro()));
    }
    run(outer, { clock: new VirtualClock() });
    print('outside', cvar.get());
  } finally {
    revert(); // Python runs each nest scenario in a process of its own
  }
}
