/**
 * Context variables across nested runs: nest_asyncio's test_contextvars, and the rule that a
 * task made by a nested run copies the context of the code that called run().
 */
import { Context, ContextVar } from '@asyncio-ts/contextvars';
import {
  type Coroutine,
  type EventLoop,
  getRunningLoop,
  run,
  runAsync,
  setEventLoop,
} from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gatherAll, jumpLoop, sleep } from './support.js';

let loop: EventLoop;

beforeEach(() => {
  ({ loop } = jumpLoop());
  apply(loop);
  setEventLoop(loop);
});

afterEach(() => {
  loop.close();
  setEventLoop(null);
  revert();
});

describe('context variables and nested runs', () => {
  it('a value set by an awaited coroutine stays in the task (nest_test.py test_contextvars)', () => {
    const cvar = new ContextVar<number>('var');
    const result = new Context().run(() => {
      cvar.set(0);
      function* setVal(): Coroutine<void> {
        cvar.set(42);
      }
      function* coro(): Coroutine<number> {
        yield* setVal();
        yield* sleep(0.01);
        return cvar.get();
      }
      return loop.runUntilComplete(coro());
    });
    expect(result).toBe(42);
  });

  it('a nested run() copies the context of the task that called it; its changes stay inside', () => {
    const cvar = new ContextVar('cvar', { default: 'none' });
    const trace: string[] = [];
    loop.runUntilComplete(
      (function* (): Coroutine<void> {
        cvar.set('outer task');
        const inner = run(function* () {
          trace.push(`nested main sees ${cvar.get()}`);
          cvar.set('nested main');
          yield* sleep(0.01);
          return cvar.get();
        });
        trace.push(`nested run returned ${inner}`);
        trace.push(`outer task has ${cvar.get()}`);
      })(),
    );
    expect(trace).toEqual([
      'nested main sees outer task',
      'nested run returned nested main',
      'outer task has outer task',
    ]);
  });

  it('tasks and callbacks that run during a nested run keep their own contexts', () => {
    const cvar = new ContextVar('cvar', { default: 'none' });
    const trace: string[] = [];
    loop.runUntilComplete(
      (function* (): Coroutine<void> {
        const l = getRunningLoop();
        function* other(name: string): Coroutine<void> {
          cvar.set(name);
          yield* sleep(0.005);
          trace.push(`${name} sees ${cvar.get()}`);
        }
        cvar.set('caller');
        const others = [l.createTask(other('x')), l.createTask(other('y'))];
        l.callSoon(() => trace.push(`callback sees ${cvar.get()}`));
        // The nested run drives the other tasks and the callback while this step is suspended.
        l.runUntilComplete(sleep(0.01));
        trace.push(`caller sees ${cvar.get()}`);
        for (const task of others) yield* task;
        // A gather (a nested runUntilComplete of a gather) made from here copies 'caller' too.
        const values = l.runUntilComplete(
          gatherAll([
            (function* () {
              return cvar.get();
            })(),
          ]),
        );
        trace.push(`gathered ${values.join()}`);
      })(),
    );
    expect(trace).toEqual([
      'callback sees caller',
      'x sees x',
      'y sees y',
      'caller sees caller',
      'gathered caller',
    ]);
  });

  it('a done callback that runs a nested loop keeps its context; the nested done callbacks keep theirs', () => {
    const cvar = new ContextVar('cvar', { default: 'none' });
    const trace: string[] = [];
    loop.runUntilComplete(
      (function* (): Coroutine<void> {
        const l = getRunningLoop();
        const outer = l.createFuture<void>();
        const finished = l.createFuture<void>();
        outer.addDoneCallback(function runsNested() {
          const inner = l.createFuture<void>();
          // Added before the set below: it runs in a copy of the empty context.
          inner.addDoneCallback(function nestedCallback() {
            trace.push(`nested callback sees ${cvar.get()}`);
            cvar.set('nested callback');
          });
          cvar.set('outer callback');
          l.callSoon(() => inner.setResult());
          l.runUntilComplete(sleep(0.01));
          trace.push(`outer callback sees ${cvar.get()}`);
          finished.setResult();
        });
        outer.setResult();
        yield* finished;
        trace.push(`task sees ${cvar.get()}`);
      })(),
    );
    expect(trace).toEqual([
      'nested callback sees none',
      'outer callback sees outer callback',
      'task sees none',
    ]);
  });

  it('works the same when the outer loop runs in host mode', async () => {
    revert();
    apply();
    const cvar = new ContextVar('cvar', { default: 'none' });
    const seen = await runAsync(function* () {
      cvar.set('host main');
      yield Promise.resolve();
      const nested = run(function* () {
        const value = cvar.get();
        cvar.set('nested');
        yield* sleep(0);
        return value;
      });
      return [nested, cvar.get()];
    });
    expect(seen).toEqual(['host main', 'host main']);
  });
});
