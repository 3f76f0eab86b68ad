import { ContextVar } from '@asyncio-ts/contextvars';
import type { Coroutine } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { afterRun, inBothModes, type ScenarioRunner } from '../../src/modes.js';
import type { Print } from '../../src/pyfmt.js';

function program(print: Print, runner: ScenarioRunner, host: boolean): unknown {
  const cvar = new ContextVar('cvar', { default: 'none' });
  const nativeLogger = (msg: string): void => print(`[${cvar.get()}] ${msg}`);
  // Host mode awaits a native promise; a blocking run cannot, and gives up the turn instead.
  function* outsideTheLoop(): Coroutine<void> {
    if (host) yield Promise.resolve();
    else yield* sleep(0);
  }
  function* worker(name: string, delay: number): Coroutine<string> {
    cvar.set(name);
    nativeLogger('before await');
    yield* outsideTheLoop();
    nativeLogger('after await');
    yield* sleep(delay);
    nativeLogger('after sleep');
    return name;
  }
  function* main(): Coroutine<void> {
    cvar.set('main');
    const results = yield* gather(worker('w1', 0.02), worker('w2', 0.01));
    nativeLogger('gathered');
    print(results);
  }
  return afterRun(runner(main, { clock: new VirtualClock() }), () => nativeLogger('outside'));
}

const modes = inBothModes((print, runner) => program(print, runner, false));
const hostModes = inBothModes((print, runner) => program(print, runner, true));
export default modes.blocking;
/** The same program in host mode (runAsync), awaiting a native promise. */
export const host = hostModes.host;
