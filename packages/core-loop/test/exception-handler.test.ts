import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExceptionContext } from '../src/index.js';
import { jumpLoop, thrown } from './support.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('exceptions raised in callbacks', () => {
  it('go to the exception handler with the handle, and the loop keeps running', () => {
    const { loop } = jumpLoop();
    const contexts: ExceptionContext[] = [];
    const out: string[] = [];
    loop.setExceptionHandler((l, ctx) => {
      expect(l).toBe(loop);
      contexts.push(ctx);
    });
    const error = new RangeError('in callback');
    function failing(_n: number): void {
      throw error;
    }
    const h = loop.callSoon(failing, 1);
    loop.callSoon(() => out.push('next callback runs'));
    loop.callLater(1, function timerCallback() {
      throw new Error('in timer');
    });
    loop.callLater(2, () => loop.stop());
    loop.runForever();
    expect(out).toEqual(['next callback runs']);
    expect(contexts.map((c) => c.message)).toEqual([
      'Exception in callback failing(1)',
      'Exception in callback timerCallback()',
    ]);
    expect(contexts[0]?.exception).toBe(error);
    expect(contexts[0]?.handle).toBe(h);
    expect(String(contexts[1]?.handle)).toBe('<TimerHandle when=1 timerCallback()>');
    loop.close();
  });

  it('are logged by the default handler with console.error: message, context, stack', () => {
    const { loop } = jumpLoop();
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((text: unknown) => {
      logged.push(String(text));
    });
    loop.callSoon(function broken(): void {
      throw new TypeError('oops');
    });
    loop.callSoon(() => loop.stop());
    loop.runForever();
    loop.close();
    expect(logged).toHaveLength(1);
    const lines = (logged[0] as string).split('\n');
    expect(lines[0]).toBe('Exception in callback broken()');
    expect(lines[1]).toBe('handle: <Handle broken()>');
    expect(lines[2]).toBe('TypeError: oops');
    expect(lines[3]).toMatch(/^\s+at /);
  });
});

describe('the exception handler API', () => {
  it('get/set, null restores the default, a non-function is a TypeError', () => {
    const { loop } = jumpLoop();
    expect(loop.getExceptionHandler()).toBe(null);
    const handler = () => {};
    loop.setExceptionHandler(handler);
    expect(loop.getExceptionHandler()).toBe(handler);
    loop.setExceptionHandler(null);
    expect(loop.getExceptionHandler()).toBe(null);
    const error = thrown(() => loop.setExceptionHandler(42 as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('A callable object or null is expected, got 42');
    loop.close();
  });

  it('reports an error thrown by the handler itself through the default handler', () => {
    const { loop } = jumpLoop();
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((text: unknown) => {
      logged.push(String(text));
    });
    loop.setExceptionHandler(() => {
      throw new Error('handler broke');
    });
    loop.callExceptionHandler({ message: 'original problem', detail: 7 });
    const lines = (logged[0] as string).split('\n');
    expect(lines[0]).toBe('Unhandled error in exception handler');
    expect(lines[1]).toBe("context: {message: 'original problem', detail: 7}");
    expect(lines[2]).toBe('Error: handler broke');
    loop.close();
  });

  it('the default handler has a fallback message and shows non-Error exceptions', () => {
    const { loop } = jumpLoop();
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((text: unknown) => {
      logged.push(String(text));
    });
    loop.defaultExceptionHandler({ message: '', exception: 'a string', extra: 'x' });
    expect(logged).toEqual([
      "Unhandled exception in event loop\nextra: 'x'\nexception: 'a string'",
    ]);
    loop.close();
  });

  it('receives a task whose exception was never retrieved, with the task as future', () => {
    const { loop } = jumpLoop();
    const contexts: ExceptionContext[] = [];
    loop.setExceptionHandler((_l, ctx) => contexts.push(ctx));
    const task = loop.createTask(
      (function* (): Generator<undefined, void, unknown> {
        throw new Error('lost');
      })(),
      { name: 'lost-task' },
    );
    loop.runUntilComplete(
      (function* () {
        yield;
        yield;
      })(),
    );
    loop.close();
    expect(contexts).toHaveLength(1);
    expect(contexts[0]?.message).toBe('Task exception was never retrieved');
    expect(contexts[0]?.future).toBe(task);
    expect(String(contexts[0]?.exception)).toBe('Error: lost');
  });
});
