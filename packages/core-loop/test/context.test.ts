// Tasks and callbacks in their context, as asyncio uses contextvars: CPython's
// test_tasks.py test_context_1..6, test_runners.py test_run_keeps_context, and the
// context= arguments of call_soon/call_later/call_at/add_done_callback.
import { Context, ContextVar, copyContext } from '@asyncio-ts/contextvars';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type Coroutine,
  createTask,
  type ExceptionContext,
  ensureFuture,
  getRunningLoop,
  type Handle,
  Runner,
  RuntimeError,
  run,
  runAsync,
  type Task,
  type TimerHandle,
} from '../src/index.js';
import { jumpLoop, sleep } from './support.js';

/** Runs `main` on a fresh loop on the jump clock and returns its result. */
function runOnLoop<T>(main: () => Coroutine<T>): T {
  const { loop } = jumpLoop();
  try {
    return loop.runUntilComplete(loop.createTask(main()));
  } finally {
    loop.close();
  }
}

describe('tasks run in their own context', () => {
  it('a child sees the values at its creation, not later ones (test_context_1)', () => {
    const cvar = new ContextVar('cvar', { default: 'nope' });
    const seen: string[] = [];
    runOnLoop(function* () {
      function* sub(): Coroutine<void> {
        yield* sleep(0.01);
        seen.push(`sub sees ${cvar.get()}`);
        cvar.set('something else');
      }
      seen.push(`main sees ${cvar.get()}`);
      const subtask = getRunningLoop().createTask(sub());
      cvar.set('yes');
      yield* subtask;
      seen.push(`main after sub sees ${cvar.get()}`);
    });
    expect(seen).toEqual(['main sees nope', 'sub sees nope', 'main after sub sees yes']);
    expect(cvar.get()).toBe('nope');
  });

  it('done callbacks run in the context of addDoneCallback and do not pollute the task (test_context_2)', () => {
    const cvar = new ContextVar('cvar', { default: 'nope' });
    const seen: string[] = [];
    runOnLoop(function* () {
      const loop = getRunningLoop();
      const onDone = (): void => {
        seen.push(`callback sees ${cvar.get()}`);
        cvar.set('something else');
      };
      for (let j = 0; j < 2; j++) {
        const fut = loop.createFuture<void>();
        fut.addDoneCallback(onDone);
        cvar.set(`yes${j}`);
        loop.callSoon(() => fut.setResult(undefined));
        yield* fut;
        expect(cvar.get()).toBe(`yes${j}`);
        for (let i = 0; i < 3; i++) {
          cvar.set(`yes${i}-${j}`);
          yield* sleep(0.001);
          expect(cvar.get()).toBe(`yes${i}-${j}`);
        }
      }
    });
    // Added before the first set: each callback saw the value current at addDoneCallback.
    expect(seen).toEqual(['callback sees nope', 'callback sees yes2-0']);
    expect(cvar.get()).toBe('nope');
  });

  it('100 tasks each modifying the variable keep their own values (test_context_3)', () => {
    const cvar = new ContextVar('cvar', { default: -1 });
    let seed = 7;
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    let checks = 0;
    runOnLoop(function* () {
      function* sub(num: number): Coroutine<void> {
        for (let i = 0; i < 10; i++) {
          cvar.set(num + i);
          yield* sleep(0.001 + random() * 0.049);
          expect(cvar.get()).toBe(num + i);
          checks++;
        }
      }
      const loop = getRunningLoop();
      const tasks: Task<void>[] = [];
      for (let i = 0; i < 100; i++) tasks.push(loop.createTask(sub(Math.floor(random() * 11))));
      for (const task of tasks) yield* task;
    });
    expect(checks).toBe(1000);
    expect(cvar.get()).toBe(-1);
  });

  for (const how of ['loop.createTask', 'createTask', 'ensureFuture'] as const) {
    it(`${how}(coro, { context }) runs the task in that very Context (test_context_4..6)`, () => {
      const cvar = new ContextVar<number>('cvar');
      const ret = runOnLoop(function* () {
        function* coro(value: number): Coroutine<void> {
          yield* sleep(0);
          cvar.set(value);
        }
        const loop = getRunningLoop();
        const make = (c: Coroutine<void>, context: Context) =>
          how === 'ensureFuture'
            ? ensureFuture(c, { context })
            : how === 'createTask'
              ? createTask(c, { context })
              : loop.createTask(c, { context });
        const out: (number | undefined)[] = [];
        const ctx = copyContext();
        out.push(ctx.get(cvar));
        yield* make(coro(1), ctx);
        out.push(ctx.get(cvar));
        yield* make(coro(2), ctx);
        out.push(ctx.get(cvar));
        return out;
      });
      expect(ret).toEqual([undefined, 1, 2]);
    });
  }

  it('what a child sets never reaches its parent or its siblings', () => {
    const cvar = new ContextVar('cvar', { default: 'root' });
    const trace: string[] = [];
    runOnLoop(function* () {
      const loop = getRunningLoop();
      cvar.set('parent');
      function* child(name: string): Coroutine<void> {
        trace.push(`${name} starts with ${cvar.get()}`);
        cvar.set(name);
        yield* sleep(0.01);
        trace.push(`${name} ends with ${cvar.get()}`);
      }
      const a = loop.createTask(child('a'));
      const b = loop.createTask(child('b'));
      yield* a;
      yield* b;
      trace.push(`parent has ${cvar.get()}`);
    });
    expect(trace).toEqual([
      'a starts with parent',
      'b starts with parent',
      'a ends with a',
      'b ends with b',
      'parent has parent',
    ]);
  });

  it('run() runs main in a copy of the caller context: main sees it, changes stay inside', () => {
    const cvar = new ContextVar('cvar', { default: 'none' });
    const token = cvar.set('outer');
    try {
      const seen = run(function* () {
        const before = cvar.get();
        cvar.set('inner');
        yield* sleep(0);
        return [before, cvar.get()];
      });
      expect(seen).toEqual(['outer', 'inner']);
      expect(cvar.get()).toBe('outer');
    } finally {
      cvar.reset(token);
    }
  });

  it('Runner keeps one context across its runs (test_run_keeps_context)', () => {
    const cvar = new ContextVar('cvar', { default: -1 });
    function* f(value: number): Coroutine<number> {
      const old = cvar.get();
      yield* sleep(0);
      cvar.set(value);
      return old;
    }
    const runner = new Runner();
    try {
      expect(runner.run(f(1))).toBe(-1);
      expect(runner.run(f(2))).toBe(1);
      const ctx = runner.run(
        (function* () {
          return copyContext();
        })(),
      );
      expect(ctx.get(cvar)).toBe(2);
      // An explicit context replaces the runner's for that run.
      const other = new Context();
      expect(runner.run(f(3), { context: other })).toBe(-1);
      expect(other.get(cvar)).toBe(3);
    } finally {
      runner.close();
    }
    expect(cvar.get()).toBe(-1);
  });

  it('a task whose explicit Context is already entered reports RuntimeError as asyncio does', () => {
    const reports: ExceptionContext[] = [];
    const { loop } = jumpLoop();
    loop.setExceptionHandler((_loop, context) => reports.push(context));
    const ctx = new Context();
    const task = ctx.run(() => {
      const made = loop.createTask(
        (function* () {
          return 1;
        })(),
        { context: ctx },
      );
      // The step runs while ctx is still entered (a loop run inside ctx.run).
      loop.runUntilComplete(sleep(0));
      return made;
    });
    expect(task.done()).toBe(false);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.exception).toBeInstanceOf(RuntimeError);
    expect(String(reports[0]?.exception)).toBe(
      'RuntimeError: cannot enter context: <Context size=0 entered> is already entered',
    );
    task.cancel();
    loop.close();
  });
});

describe('callbacks run in the context current when they were scheduled', () => {
  it('callSoon, callLater and callAt capture the current context; changes are discarded', () => {
    const cvar = new ContextVar('cvar', { default: 'none' });
    const trace: string[] = [];
    runOnLoop(function* () {
      const loop = getRunningLoop();
      const done = loop.createFuture<void>();
      const report = (what: string): void => {
        trace.push(`${what} sees ${cvar.get()}`);
        cvar.set(`changed by ${what}`);
      };
      cvar.set('one');
      loop.callSoon(report, 'callSoon');
      cvar.set('two');
      loop.callLater(0.01, report, 'callLater');
      cvar.set('three');
      loop.callAt(
        loop.time() + 0.02,
        (what: string) => {
          report(what);
          done.setResult(undefined);
        },
        'callAt',
      );
      cvar.set('four');
      yield* done;
      trace.push(`task sees ${cvar.get()}`);
    });
    expect(trace).toEqual([
      'callSoon sees one',
      'callLater sees two',
      'callAt sees three',
      'task sees four',
    ]);
  });

  it('{ context } runs the callback in that Context and keeps its changes (asyncio context=)', () => {
    const cvar = new ContextVar('cvar', { default: 'none' });
    const { loop } = jumpLoop();
    const ctx = new Context();
    ctx.run(() => cvar.set('in ctx'));
    const trace: string[] = [];
    const callback = (what: string, n: number): void => {
      trace.push(`${what} ${n} sees ${cvar.get()}`);
      cvar.set(`${what} ${n}`);
    };
    loop.callSoon({ context: ctx }, callback, 'callSoon', 1);
    loop.callLater(0.5, { context: ctx }, callback, 'callLater', 2);
    loop.callAt(1, { context: ctx }, callback, 'callAt', 3);
    loop.callSoonThreadsafe({ context: ctx }, callback, 'callSoonThreadsafe', 4);
    loop.callSoon({ context: null }, callback, 'default', 5);
    loop.runUntilComplete(sleep(2));
    loop.close();
    expect(trace).toEqual([
      'callSoon 1 sees in ctx',
      'callSoonThreadsafe 4 sees callSoon 1',
      'default 5 sees none',
      'callLater 2 sees callSoonThreadsafe 4',
      'callAt 3 sees callLater 2',
    ]);
    expect(ctx.get(cvar)).toBe('callAt 3');
    expect(cvar.get()).toBe('none');
  });

  it('addDoneCallback(cb, { context }) runs in that Context; removeDoneCallback still finds it', () => {
    const cvar = new ContextVar('cvar', { default: 'none' });
    const { loop } = jumpLoop();
    const ctx = new Context();
    const fut = loop.createFuture<number>();
    const trace: string[] = [];
    const cb = (f: typeof fut): void => {
      trace.push(`cb ${f.result()} sees ${cvar.get()}`);
      cvar.set('set by cb');
    };
    fut.addDoneCallback(cb, { context: ctx });
    const removed = (): void => {
      trace.push('removed callback ran');
    };
    new Context().run(() => {
      cvar.set('captured');
      fut.addDoneCallback(removed);
    });
    expect(fut.removeDoneCallback(removed)).toBe(1);
    loop.callSoon(() => fut.setResult(1));
    loop.runUntilComplete(sleep(0.1));
    // On a done future, the callback is scheduled at once, still in the given context.
    fut.addDoneCallback(cb, { context: ctx });
    loop.runUntilComplete(sleep(0.1));
    loop.close();
    expect(trace).toEqual(['cb 1 sees none', 'cb 1 sees set by cb']);
    expect(ctx.get(cvar)).toBe('set by cb');
  });

  it('a done callback kept with its context reads as itself in the repr', () => {
    const { loop } = jumpLoop();
    const fut = loop.createFuture();
    const ctx = new Context();
    ctx.run(() => new ContextVar('v').set(1));
    function onDone(): void {}
    ctx.run(() => fut.addDoneCallback(onDone));
    fut.addDoneCallback(onDone, { context: ctx });
    expect(String(fut)).toBe('<Future pending cb=[onDone(), onDone()]>');
    loop.close();
  });

  it('the exception handler runs outside the failing callback context', () => {
    const cvar = new ContextVar('cvar', { default: 'loop' });
    const { loop } = jumpLoop();
    const seen: string[] = [];
    loop.setExceptionHandler(() => seen.push(`handler sees ${cvar.get()}`));
    new Context().run(() => {
      cvar.set('callback');
      loop.callSoon(() => {
        seen.push(`callback sees ${cvar.get()}`);
        throw new Error('boom');
      });
    });
    loop.runUntilComplete(sleep(0));
    loop.close();
    expect(seen).toEqual(['callback sees callback', 'handler sees loop']);
  });

  it('bad context arguments are TypeErrors at the call', () => {
    const { loop } = jumpLoop();
    const cb = (): void => undefined;
    const bad = { context: 42 } as unknown as { context: Context };
    expect(() => loop.callSoon(bad, cb)).toThrow(
      'callSoon() expected a Context as context, got 42',
    );
    expect(() => loop.callLater(1, bad, cb)).toThrow(TypeError);
    expect(() => loop.callAt(1, bad, cb)).toThrow('callAt() expected a Context as context');
    expect(() => loop.createFuture().addDoneCallback(cb, bad)).toThrow(
      'addDoneCallback() expected a Context as context, got 42',
    );
    function* coro(): Coroutine<void> {}
    expect(() => loop.createTask(coro(), bad)).toThrow(
      'Task() expected a Context as context, got 42',
    );
    // The options object stands where the callback was: a missing callback is still named.
    expect(() => loop.callSoon({ context: new Context() }, 5 as unknown as () => void)).toThrow(
      'a callable object was expected by callSoon(), got 5',
    );
    loop.close();
  });
});

describe('host mode', () => {
  it('a task resumes in its own context after awaiting a native promise', async () => {
    const cvar = new ContextVar('cvar', { default: 'none' });
    const trace: string[] = [];
    await runAsync(function* () {
      const loop = getRunningLoop();
      function* worker(name: string, ms: number): Coroutine<void> {
        cvar.set(name);
        yield new Promise((resolve) => setTimeout(resolve, ms));
        trace.push(`${name} resumed with ${cvar.get()}`);
        yield Promise.resolve();
        trace.push(`${name} again ${cvar.get()}`);
      }
      const a = loop.createTask(worker('a', 20));
      const b = loop.createTask(worker('b', 5));
      yield* a;
      yield* b;
      trace.push(`main has ${cvar.get()}`);
    });
    expect(trace.sort()).toEqual([
      'a again a',
      'a resumed with a',
      'b again b',
      'b resumed with b',
      'main has none',
    ]);
    expect(cvar.get()).toBe('none');
  });

  it('native code called synchronously by a task sees the task values', async () => {
    const cvar = new ContextVar('requestId', { default: '-' });
    const nativeLog: string[] = [];
    function nativeLogger(message: string): void {
      nativeLog.push(`[${cvar.get()}] ${message}`);
    }
    await runAsync(function* () {
      const loop = getRunningLoop();
      function* handler(id: string): Coroutine<void> {
        cvar.set(id);
        nativeLogger('start');
        yield new Promise((resolve) => setTimeout(resolve, 1));
        nativeLogger('end');
      }
      const tasks = [loop.createTask(handler('r1')), loop.createTask(handler('r2'))];
      for (const t of tasks) yield* t;
    });
    expect(nativeLog.sort()).toEqual(['[r1] end', '[r1] start', '[r2] end', '[r2] start']);
  });

  it('runAsync() runs main in a copy of the caller context', async () => {
    const cvar = new ContextVar('cvar', { default: 'none' });
    const ctx = new Context();
    ctx.run(() => cvar.set('caller'));
    const seen = await ctx.run(() =>
      runAsync(function* () {
        const before = cvar.get();
        cvar.set('main');
        yield Promise.resolve();
        return before;
      }),
    );
    expect(seen).toBe('caller');
    expect(ctx.get(cvar)).toBe('caller');
  });
});

describe('types of the { context } forms', () => {
  it('check the callback arguments after the options as without them', () => {
    const { loop } = jumpLoop();
    const context = new Context();
    const cb = (_a: number, _b: string): void => undefined;
    expectTypeOf(loop.callSoon({ context }, cb, 1, 'x')).toEqualTypeOf<Handle>();
    expectTypeOf(loop.callLater(1, { context }, cb, 1, 'x')).toEqualTypeOf<TimerHandle>();
    expectTypeOf(loop.callAt(1, { context }, cb, 1, 'x')).toEqualTypeOf<TimerHandle>();
    // @ts-expect-error: the arguments must fit the callback
    loop.callSoon({ context }, cb, 'x', 1);
    expect(() =>
      // @ts-expect-error: a context must be a Context
      loop.createTask((function* () {})(), { context: 42 }),
    ).toThrow(TypeError);
    loop.close();
  });
});
