import { describe, expect, it } from 'vitest';
import {
  CancelledError,
  type Coroutine,
  type EventLoop,
  Future,
  InvalidStateError,
  isFuture,
  RuntimeError,
  setEventLoop,
} from '../src/index.js';
import { captureExceptions, jumpLoop, thrown } from './support.js';

/** Runs exactly one loop iteration. */
function runOneIteration(loop: EventLoop): void {
  loop.stop();
  loop.runForever();
}

describe('Future states', () => {
  it('starts pending: result() and exception() raise InvalidStateError', () => {
    const { loop } = jumpLoop();
    const fut = loop.createFuture();
    expect(fut.done()).toBe(false);
    expect(fut.cancelled()).toBe(false);
    const e1 = thrown(() => fut.result());
    expect(e1).toBeInstanceOf(InvalidStateError);
    expect(e1.message).toBe('Result is not set.');
    const e2 = thrown(() => fut.exception());
    expect(e2).toBeInstanceOf(InvalidStateError);
    expect(e2.message).toBe('Exception is not set.');
    expect(fut.getLoop()).toBe(loop);
    loop.close();
  });

  it('holds a result once; setting it again raises InvalidStateError', () => {
    const { loop } = jumpLoop();
    const fut = loop.createFuture<number>();
    fut.setResult(42);
    expect(fut.done()).toBe(true);
    expect(fut.result()).toBe(42);
    expect(fut.exception()).toBe(null);
    const e1 = thrown(() => fut.setResult(1));
    expect(e1).toBeInstanceOf(InvalidStateError);
    expect(e1.message).toBe('invalid state');
    expect(thrown(() => fut.setException(new Error('x'))).message).toBe('invalid state');
    expect(fut.cancel()).toBe(false);
    expect(fut.result()).toBe(42);
    loop.close();
  });

  it('holds an exception: result() throws it, exception() returns it', () => {
    const { loop } = jumpLoop();
    const fut = loop.createFuture();
    const error = new RangeError('boom');
    fut.setException(error);
    expect(fut.done()).toBe(true);
    expect(fut.cancelled()).toBe(false);
    expect(thrown(() => fut.result())).toBe(error);
    expect(fut.exception()).toBe(error);
    expect(String(fut)).toBe("<Future finished exception=RangeError('boom')>");
    loop.close();
  });

  it('instantiates an exception class given to setException', () => {
    const { loop } = jumpLoop();
    const fut = loop.createFuture();
    fut.setException(RangeError);
    expect(fut.exception()).toBeInstanceOf(RangeError);
    loop.close();
  });

  it('cancels once, with a message that result() and exception() carry', () => {
    const { loop } = jumpLoop();
    const fut = loop.createFuture();
    expect(fut.cancel('stop it')).toBe(true);
    expect(fut.cancel('again')).toBe(false);
    expect(fut.cancelled()).toBe(true);
    expect(fut.done()).toBe(true);
    const e1 = thrown(() => fut.result());
    expect(e1).toBeInstanceOf(CancelledError);
    expect(e1.message).toBe('stop it');
    const e2 = thrown(() => fut.exception());
    expect(e2).toBeInstanceOf(CancelledError);
    expect(e2.message).toBe('stop it');
    expect(thrown(() => fut.setResult(1)).message).toBe('invalid state');
    const plain = loop.createFuture();
    plain.cancel();
    expect(thrown(() => plain.result()).message).toBe('');
    loop.close();
  });

  it("has asyncio's repr", () => {
    const { loop } = jumpLoop();
    const f = loop.createFuture();
    expect(String(f)).toBe('<Future pending>');
    f.setResult('x');
    expect(String(f)).toBe("<Future finished result='x'>");
    const c = loop.createFuture();
    c.cancel();
    expect(String(c)).toBe('<Future cancelled>');
    loop.close();
  });

  it('is recognised by isFuture (and a plain thenable is not)', () => {
    const { loop } = jumpLoop();
    expect(isFuture(loop.createFuture())).toBe(true);
    expect(isFuture({ then() {} })).toBe(false);
    expect(isFuture(null)).toBe(false);
    loop.close();
  });

  it('uses the current loop when none is given', () => {
    const { loop } = jumpLoop();
    setEventLoop(loop);
    try {
      expect(new Future().getLoop()).toBe(loop);
      expect(new Future({ loop }).getLoop()).toBe(loop);
    } finally {
      setEventLoop(null);
      loop.close();
    }
  });
});

describe('done callbacks', () => {
  it('are scheduled with callSoon in the order added, never called synchronously', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    const fut = loop.createFuture<number>();
    fut.addDoneCallback((f) => out.push(`first ${f.result()}`));
    fut.addDoneCallback(() => out.push('second'));
    loop.callSoon(() => out.push('queued before setResult'));
    fut.setResult(5);
    out.push('after setResult');
    runOneIteration(loop);
    expect(out).toEqual(['after setResult', 'queued before setResult', 'first 5', 'second']);
    loop.close();
  });

  it('added to a done future is scheduled at once (not run synchronously)', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    const fut = loop.createFuture();
    fut.cancel();
    fut.addDoneCallback((f) => out.push(`cancelled=${f.cancelled()}`));
    expect(out).toEqual([]);
    runOneIteration(loop);
    expect(out).toEqual(['cancelled=true']);
    loop.close();
  });

  it('removeDoneCallback removes every registration and returns how many', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    const fut = loop.createFuture();
    const a = () => out.push('a');
    const b = () => out.push('b');
    fut.addDoneCallback(a);
    fut.addDoneCallback(b);
    fut.addDoneCallback(a);
    fut.addDoneCallback(b);
    fut.addDoneCallback(a);
    expect(fut.removeDoneCallback(a)).toBe(3);
    expect(fut.removeDoneCallback(a)).toBe(0);
    fut.setResult(undefined);
    runOneIteration(loop);
    expect(out).toEqual(['b', 'b']);
    expect(fut.removeDoneCallback(b)).toBe(0);
    loop.close();
  });

  it('run for cancellation and exceptions too', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    const f1 = loop.createFuture();
    const f2 = loop.createFuture();
    f1.addDoneCallback((f) => out.push(`f1 cancelled=${f.cancelled()}`));
    f2.addDoneCallback((f) => out.push(`f2 ${String(f.exception())}`));
    f2.setException(new Error('bad'));
    f1.cancel();
    runOneIteration(loop);
    expect(out).toEqual(['f2 Error: bad', 'f1 cancelled=true']);
    loop.close();
  });

  it('rejects a callback that is not a function', () => {
    const { loop } = jumpLoop();
    const error = thrown(() => loop.createFuture().addDoneCallback(3 as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('a callable object was expected by addDoneCallback(), got 3');
    loop.close();
  });

  it('run in order with the tasks parked on the future (as CPython 3.11)', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    const fut = loop.createFuture<number>();
    function* waiter(n: number): Coroutine<void> {
      yield* fut;
      out.push(`task ${n}`);
    }
    loop.runUntilComplete(
      (function* (): Coroutine<void> {
        const t1 = loop.createTask(waiter(1));
        yield;
        fut.addDoneCallback(() => out.push('cb A'));
        const t2 = loop.createTask(waiter(2));
        yield;
        fut.addDoneCallback(() => out.push('cb B'));
        fut.setResult(1);
        out.push('set');
        yield* t1;
        yield* t2;
      })(),
    );
    expect(out).toEqual(['set', 'task 1', 'cb A', 'task 2', 'cb B']);
    loop.close();
  });
});

describe('yield* fut', () => {
  it('evaluates to the result, or throws the exception', () => {
    const { loop } = jumpLoop();
    const ok = loop.createFuture<string>();
    const bad = loop.createFuture<string>();
    loop.callLater(1, () => ok.setResult('value'));
    loop.callLater(2, () => bad.setException(new TypeError('nope')));
    const got = loop.runUntilComplete(
      (function* (): Coroutine<string[]> {
        const out = [yield* ok];
        try {
          yield* bad;
        } catch (error) {
          out.push(String(error));
        }
        return out;
      })(),
    );
    expect(got).toEqual(['value', 'TypeError: nope']);
    loop.close();
  });

  it('does not give up the turn when the future is already done', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    const done = loop.createFuture<number>();
    done.setResult(1);
    loop.runUntilComplete(
      (function* (): Coroutine<void> {
        loop.callSoon(() => out.push('other callback'));
        const v = yield* done;
        out.push(`got ${v} without yielding`);
        yield;
        out.push('after a bare yield');
      })(),
    );
    expect(out).toEqual(['got 1 without yielding', 'other callback', 'after a bare yield']);
    loop.close();
  });

  it('throws CancelledError with the message when the future is cancelled', () => {
    const { loop } = jumpLoop();
    const fut = loop.createFuture();
    loop.callLater(1, () => fut.cancel('gone'));
    const got = loop.runUntilComplete(
      (function* (): Coroutine<string> {
        try {
          yield* fut;
          return 'not cancelled';
        } catch (error) {
          return `${(error as Error).name}: ${(error as Error).message}`;
        }
      })(),
    );
    expect(got).toBe('CancelledError: gone');
    loop.close();
  });
});

describe('exceptions never retrieved', () => {
  it('are reported when the loop closes', () => {
    const { loop } = jumpLoop();
    const seen = captureExceptions(loop);
    const fut = loop.createFuture();
    const error = new Error('lost');
    fut.setException(error);
    loop.close();
    expect(seen).toEqual([{ message: 'Future exception was never retrieved', exception: error }]);
  });

  it('are not reported once result(), exception() or cancel() saw them', () => {
    const { loop } = jumpLoop();
    const seen = captureExceptions(loop);
    const a = loop.createFuture();
    const b = loop.createFuture();
    const c = loop.createFuture();
    a.setException(new Error('a'));
    b.setException(new Error('b'));
    c.setException(new Error('c'));
    thrown(() => a.result());
    b.exception();
    c.cancel();
    loop.close();
    expect(seen).toEqual([]);
  });

  it('a done callback on a closed loop cannot be scheduled', () => {
    const { loop } = jumpLoop();
    const fut = loop.createFuture();
    fut.addDoneCallback(() => {});
    loop.close();
    const error = thrown(() => fut.setResult(1));
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.message).toBe('Event loop is closed');
  });
});
