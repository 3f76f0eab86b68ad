import { ContextVar, copyContext } from '@asyncio-ts/contextvars';
import { type Coroutine, getRunningLoop } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { inBothModes, type ScenarioRunner } from '../../src/modes.js';
import type { Print } from '../../src/pyfmt.js';

function program(print: Print, runner: ScenarioRunner): unknown {
  const cvar = new ContextVar('cvar', { default: 'none' });
  const report = (what: string): void => {
    print(what, 'sees', cvar.get());
    cvar.set(`changed by ${what}`);
  };
  function* main(): Coroutine<void> {
    const loop = getRunningLoop();
    cvar.set('one');
    loop.callSoon(report, 'call_soon');
    cvar.set('two');
    loop.callLater(0.01, report, 'call_later');
    cvar.set('three');
    loop.callAt(loop.time() + 0.02, report, 'call_at');
    const ctx = copyContext();
    loop.callSoon({ context: ctx }, report, 'explicit call_soon');
    loop.callLater(0.03, { context: ctx }, report, 'explicit call_later');
    cvar.set('four');
    const fut = loop.createFuture<null>();
    fut.addDoneCallback(() => report('done callback'));
    fut.addDoneCallback(() => report('explicit done callback'), { context: ctx });
    loop.callLater(0.04, (value: null) => fut.setResult(value), null);
    yield* sleep(0.05);
    print('task sees', cvar.get());
    print('ctx has', ctx.get(cvar));
  }
  return runner(main, { clock: new VirtualClock() });
}

const modes = inBothModes(program);
export default modes.blocking;
/** The same program in host mode (runAsync). */
export const host = modes.host;
