import { readFile } from 'node:fs/promises';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  awaitPromise,
  type Coroutine,
  createTask,
  getRunningLoop,
  RuntimeError,
  run,
  runAsync,
  type Task,
} from '../src/index.js';
import { jumpLoop, sleep, thrown } from './support.js';

describe('createTask (asyncio.create_task)', () => {
  it('starts a task on the running loop, with a name', () => {
    const order: string[] = [];
    const result = run(function* () {
      const task = createTask(
        (function* (): Coroutine<number> {
          order.push('child runs');
          yield* sleep(1);
          return 42;
        })(),
        { name: 'child' },
      );
      expectTypeOf(task).toEqualTypeOf<Task<number>>();
      expect(task.getName()).toBe('child');
      expect(task.getLoop()).toBe(getRunningLoop());
      order.push('main goes on');
      return yield* task;
    });
    expect(result).toBe(42);
    expect(order).toEqual(['main goes on', 'child runs']);
  });

  it('runs in host mode too', async () => {
    const result = await runAsync(function* () {
      return yield* createTask(sleep(0.001, 'host'));
    });
    expect(result).toBe('host');
  });

  it('refuses to run outside a running loop, as asyncio does', () => {
    function* body(): Coroutine<void> {}
    const coro = body();
    const error = thrown(() => createTask(coro));
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.message).toBe('no running event loop');
  });

  it('refuses what is not a coroutine', () => {
    const error = thrown(() =>
      run(function* () {
        createTask((() => 1) as never);
      }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('a coroutine was expected, got <function anonymous>');
  });
});

describe('awaitPromise: a typed await of a native promise', () => {
  it('infers the promise type', () => {
    function* body(): Coroutine<void> {
      const text = yield* awaitPromise(Promise.resolve('x'));
      expectTypeOf(text).toEqualTypeOf<string>();
      const numbers = yield* awaitPromise(Promise.resolve([1, 2]));
      expectTypeOf(numbers).toEqualTypeOf<number[]>();
    }
    expectTypeOf(awaitPromise<Buffer>).returns.toEqualTypeOf<Coroutine<Buffer>>();
    expect(typeof body).toBe('function');
  });

  it('gives the value of a host promise under runAsync', async () => {
    const source = await runAsync(function* () {
      const before = getRunningLoop().time();
      const file = yield* awaitPromise(readFile(new URL(import.meta.url)));
      const value = yield* awaitPromise(
        new Promise<number>((resolve) => setTimeout(() => resolve(7), 5)),
      );
      return { size: file.length, value, waited: getRunningLoop().time() >= before };
    });
    expect(source.size).toBeGreaterThan(100);
    expect(source.value).toBe(7);
    expect(source.waited).toBe(true);
  });

  it('throws the rejection into the coroutine, where it can be caught', async () => {
    const caught = await runAsync(function* () {
      try {
        yield* awaitPromise(Promise.reject(new RangeError('nope')));
      } catch (error) {
        return error;
      }
      return null;
    });
    expect(caught).toBeInstanceOf(RangeError);
    expect((caught as Error).message).toBe('nope');
  });

  it('awaits a Future or a Task passed to it', () => {
    const { loop } = jumpLoop();
    const result = loop.runUntilComplete(
      (function* (): Coroutine<string> {
        const fut = loop.createFuture<string>();
        loop.callSoon(() => fut.setResult('future'));
        return yield* awaitPromise(fut);
      })(),
    );
    expect(result).toBe('future');
    loop.close();
  });

  it('fails with a RuntimeError that points to runAsync() in a blocking run()', () => {
    const error = thrown(() =>
      run(function* () {
        yield* awaitPromise(Promise.resolve(1));
      }),
    );
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.message).toMatch(
      /yielded a Promise in a blocking run, where it can never settle \(the thread is blocked\): use runAsync\(\) to await native promises$/,
    );
  });

  it('refuses what is not a promise with a TypeError', () => {
    const error = thrown(() =>
      run(function* () {
        yield* awaitPromise(42 as never);
      }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('awaitPromise() expects a promise or a thenable, got 42');
  });
});
