import { ContextVar, copyContext } from '@asyncio-ts/contextvars';
import { type Coroutine, getRunningLoop } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { afterRun, inBothModes, type ScenarioRunner } from '../../src/modes.js';
import type { Print } from '../../src/pyfmt.js';

function program(print: Print, runner: ScenarioRunner): unknown {
  const cvar = new ContextVar('cvar', { default: 'nope' });
  function* sub(name: string): Coroutine<void> {
    print(name, 'starts with', cvar.get());
    yield* sleep(0.01);
    cvar.set(name);
    print(name, 'set', cvar.get());
  }
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    print('main starts with', cvar.get());
    cvar.set('main');
    const t1 = loop.createTask(sub('child1'));
    cvar.set('main changed');
    const t2 = loop.createTask(sub('child2'));
    yield* t1;
    yield* t2;
    print('main has', cvar.get());
    const ctx = copyContext();
    print('ctx has', ctx.get(cvar), ctx.size);
    yield* loop.createTask(sub('in ctx'), { context: ctx });
    print('ctx now has', ctx.get(cvar), 'main has', cvar.get());
    yield* loop.createTask(sub('in ctx again'), { context: ctx });
    print('ctx now has', ctx.get(cvar));
  }
  return afterRun(runner(main, { clock: new VirtualClock() }), () => print('outside', cvar.get()));
}

const modes = inBothModes(program);
export default modes.blocking;
/** The same program in host mode (runAsync). */
export const host = modes.host;
