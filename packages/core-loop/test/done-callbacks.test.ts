// Done callbacks are queued without a Handle (ready-queue.ts `pushCall`): they must still run
// in queue order among callSoon callbacks, each in a fresh context, with failures reported
// exactly as a Handle's, in blocking, host and debug runs.
import { ContextVar, type Token } from '@asyncio-ts/contextvars';
import { describe, expect, it } from 'vitest';
import {
  type Coroutine,
  type ExceptionContext,
  type Future,
  getRunningLoop,
  Handle,
  run,
  runAsync,
} from '../src/index.js';

const cvar = new ContextVar('cvar', { default: 'unset' });

/** Two futures' done callbacks between callSoon callbacks; one callback fails, one sets cvar. */
function* program(trace: string[]): Coroutine<ExceptionContext[]> {
  const loop = getRunningLoop();
  const reported: ExceptionContext[] = [];
  loop.setExceptionHandler((_loop, context) => reported.push(context));
  const first = loop.createFuture<number>();
  const second = loop.createFuture<number>();
  first.addDoneCallback(function setter(fut: Future<number>) {
    trace.push(`setter sees ${cvar.get()}, result ${fut.result()}`);
    cvar.set('set by setter');
  });
  first.addDoneCallback(function boom(): void {
    throw new Error('boom');
  });
  second.addDoneCallback(function reader() {
    trace.push(`reader sees ${cvar.get()}`);
  });
  loop.callSoon(() => trace.push('soon 1'));
  first.setResult(1);
  loop.callSoon(() => trace.push('soon 2'));
  second.setResult(2);
  first.addDoneCallback(function late() {
    trace.push(`late sees ${cvar.get()}`);
  });
  yield; // gives up the turn once: everything queued above runs first
  trace.push(`task sees ${cvar.get()}`);
  return reported;
}

const EXPECTED = [
  'soon 1',
  'setter sees unset, result 1',
  'soon 2',
  'reader sees unset',
  'late sees unset',
  'task sees unset',
];

function checkReport(reported: ExceptionContext[]): void {
  expect(reported).toHaveLength(1);
  const [context] = reported as [ExceptionContext];
  expect(context.message).toBe('Exception in callback boom(<Future finished result=1>)');
  expect((context.exception as Error).message).toBe('boom');
  expect(context.handle).toBeInstanceOf(Handle);
  expect(String(context.handle)).toBe('<Handle boom(<Future finished result=1>)>');
}

describe('done callbacks queued without a Handle', () => {
  it('run in FIFO order with callSoon, each in a fresh context, failures reported with a Handle', () => {
    const trace: string[] = [];
    checkReport(run(() => program(trace)));
    expect(trace).toEqual(EXPECTED);
  });

  it('the same in runAsync', async () => {
    const trace: string[] = [];
    checkReport(await runAsync(() => program(trace)));
    expect(trace).toEqual(EXPECTED);
  });

  it('a token made in one done callback is refused by the reset() of another', () => {
    const seen = run(function* () {
      const loop = getRunningLoop();
      const fut = loop.createFuture<void>();
      const outcomes: string[] = [];
      let token: Token<string> | undefined;
      fut.addDoneCallback(() => {
        token = cvar.set('first');
      });
      fut.addDoneCallback(() => {
        try {
          cvar.reset(token as Token<string>);
          outcomes.push('reset');
        } catch (error) {
          outcomes.push(`${(error as Error).name}: ${(error as Error).message}`);
        }
      });
      fut.setResult();
      yield;
      return outcomes;
    });
    expect(seen).toEqual([
      "RangeError: <Token used=false var=<ContextVar name='cvar' default='unset'>> was created in a different Context",
    ]);
  });

  it('the same in debug mode', () => {
    const trace: string[] = [];
    checkReport(run(() => program(trace), { debug: true }));
    expect(trace).toEqual(EXPECTED);
  });
});
