import { describe, expect, it } from 'vitest';
import { type Coroutine, type Future, RuntimeError, type Task } from '../src/index.js';
import { repr } from '../src/internal.js';
import { jumpLoop } from './support.js';

describe('repr: one style for values in messages', () => {
  it('renders primitives close to Python', () => {
    expect(repr("it's")).toBe("'it\\'s'");
    expect(repr(1.5)).toBe('1.5');
    expect(repr(Number.NaN)).toBe('NaN');
    expect(repr(10n)).toBe('10n');
    expect(repr(true)).toBe('true');
    expect(repr(null)).toBe('null');
    expect(repr(undefined)).toBe('undefined');
    expect(repr(Symbol('s'))).toBe('Symbol(s)');
  });

  it('shows a function by its name, never its source', () => {
    function namedWithALongBody(): string {
      return 'secret body text'.repeat(20);
    }
    expect(repr(namedWithALongBody)).toBe('<function namedWithALongBody>');
    expect(repr(function* gen() {})).toBe('<function* gen>');
    expect(repr(() => 1)).toBe('<function anonymous>');
    expect(repr(class Point {})).toBe('<class Point>');
  });

  it('shortens long strings, arrays and objects, and stops at depth', () => {
    const long = `${'a'.repeat(50)}${'z'.repeat(50)}`;
    expect(repr(long)).toBe(`'${'a'.repeat(28)}...${'z'.repeat(29)}'`);
    expect(repr([1, 2])).toBe('[1, 2]');
    expect(repr([1, 2, 3, 4, 5, 6, 7, 8])).toBe('[1, 2, 3, 4, 5, 6, ...]');
    expect(repr({ a: 1, b: 'x' })).toBe("{a: 1, b: 'x'}");
    expect(repr([[[[1]]]])).toBe('[[[[...]]]]');
    const selfArray: unknown[] = [];
    selfArray.push(selfArray);
    expect(repr(selfArray)).toBe('[[[[...]]]]');
  });

  it('shows errors as Name(message), and Name() without a message', () => {
    expect(repr(new RuntimeError('boom'))).toBe("RuntimeError('boom')");
    expect(repr(new RuntimeError())).toBe('RuntimeError()');
    expect(repr(new TypeError(''))).toBe('TypeError()');
  });

  it('shows class instances by class, built-ins briefly', () => {
    class Widget {}
    expect(repr(new Widget())).toBe('<Widget object>');
    expect(repr(new Map([[1, 2]]))).toBe('<Map object>');
    expect(repr(Promise.resolve(1))).toBe('<Promise object>');
    expect(repr(Object.create(null))).toBe('{}');
  });
});

describe('Future and Task reprs (CPython 3.11)', () => {
  it('prints exception=RuntimeError() for an error without a message', () => {
    const { loop } = jumpLoop();
    const f = loop.createFuture();
    f.setException(new RuntimeError());
    expect(String(f)).toBe('<Future finished exception=RuntimeError()>');
    f.exception();
    loop.close();
  });

  it('prints cb=[...] for the callbacks of a pending future', () => {
    const { loop } = jumpLoop();
    const f = loop.createFuture();
    function first(): void {}
    function second(): void {}
    function last(): void {}
    f.addDoneCallback(first);
    expect(String(f)).toBe('<Future pending cb=[first()]>');
    f.addDoneCallback(second);
    expect(String(f)).toBe('<Future pending cb=[first(), second()]>');
    f.addDoneCallback(() => {});
    f.addDoneCallback(last);
    expect(String(f)).toBe('<Future pending cb=[first(), <2 more>, last()]>');
    f.setResult(1);
    expect(String(f)).toBe('<Future finished result=1>');
    loop.close();
  });

  it('prints wait_for=... for a task in an await cycle instead of overflowing the stack', () => {
    const { loop } = jumpLoop();
    const peers: { a?: Task<void>; b?: Task<void> } = {};
    const a = loop.createTask(
      (function* (): Coroutine<void> {
        yield;
        yield* peers.b as Task<void>;
      })(),
      { name: 'A' },
    );
    peers.a = a;
    peers.b = loop.createTask(
      (function* (): Coroutine<void> {
        yield;
        yield* peers.a as Task<void>;
      })(),
      { name: 'B' },
    );
    for (let i = 0; i < 3; i++) {
      loop.stop();
      loop.runForever();
    }
    expect(String(a)).toBe(
      "<Task pending name='A' wait_for=<Task pending name='B' wait_for=... cb=[Task.task_wakeup()]> cb=[Task.task_wakeup()]>",
    );
    loop.close();
  });

  it('bounds the repr of a long wait_for chain', () => {
    const { loop } = jumpLoop();
    const root: Future<void> = loop.createFuture();
    let previous: Future<void> = root;
    const tasks: Task<void>[] = [];
    for (let i = 0; i < 5000; i++) {
      const waitOn = previous;
      const task = loop.createTask(
        (function* (): Coroutine<void> {
          yield* waitOn;
        })(),
      );
      tasks.push(task);
      previous = task;
    }
    loop.stop();
    loop.runForever();
    const text = String(tasks[tasks.length - 1]);
    expect(text.length).toBeLessThan(2000);
    expect(text).toContain('wait_for=...');
    loop.close();
  });
});
