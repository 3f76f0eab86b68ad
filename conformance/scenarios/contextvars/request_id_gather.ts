import { ContextVar } from '@asyncio-ts/contextvars';
import type { Coroutine } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { afterRun, inBothModes, type ScenarioRunner } from '../../src/modes.js';
import type { Print } from '../../src/pyfmt.js';

function program(print: Print, runner: ScenarioRunner): unknown {
  const requestId = new ContextVar('request_id', { default: '-' });
  const log = (msg: string): void => print(`[${requestId.get()}] ${msg}`);
  function* dbQuery(q: string, delay: number): Coroutine<string> {
    yield* sleep(delay);
    log(`query ${q} done`);
    return q.toUpperCase();
  }
  function* handler(rid: string, delay: number): Coroutine<string> {
    requestId.set(rid);
    log('start');
    const result = yield* dbQuery(`q-${rid}`, delay);
    log('end');
    return result;
  }
  function* main(): Coroutine<void> {
    log('main before');
    const results = yield* gather(handler('r1', 0.03), handler('r2', 0.01), handler('r3', 0.02));
    log('main after');
    print(results);
  }
  return afterRun(runner(main, { clock: new VirtualClock() }), () => log('outside'));
}

const modes = inBothModes(program);
export default modes.blocking;
/** The same program in host mode (runAsync). */
export const host = modes.host;
