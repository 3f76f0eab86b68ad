import { ContextVar } from '@asyncio-ts/contextvars';
import {
  CancelledError,
  type Coroutine,
  currentTask,
  EventLoop,
  Future,
  RuntimeError,
  Task,
} from '@asyncio-ts/core-loop';
import { GatheringFuture, gather } from '@asyncio-ts/gather';
import { VirtualClock } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';
import { describeError, job, jumpLoop, loop, runVirtual, sleep, Trace } from './support.js';

class Boom extends Error {
  override name = 'Boom';
}

describe('gather: results', () => {
  it('runs awaitables concurrently and returns results in argument order', () => {
    const trace = new Trace();
    const results = runVirtual(function* () {
      const r = yield* gather(
        job(trace, 'a', 3, 'A'),
        job(trace, 'b', 1, 'B'),
        job(trace, 'c', 2, 'C'),
      );
      trace.log(`results ${r.join(',')}`);
      return r;
    });
    expect(results).toEqual(['A', 'B', 'C']);
    expect(trace.lines).toEqual([
      't=0 a start',
      't=0 b start',
      't=0 c start',
      't=1 b done',
      't=2 c done',
      't=3 a done',
      't=3 results A,B,C',
    ]);
  });

  it('wraps coroutines in tasks on the running loop, in argument order', () => {
    runVirtual(function* () {
      const running = loop();
      const names: string[] = [];
      function* child(n: number): Coroutine<number> {
        const task = currentTask() as Task<unknown>;
        expect(task).toBeInstanceOf(Task);
        expect(task.getLoop()).toBe(running);
        names.push(`child ${n}`);
        return n;
      }
      const outer = gather(child(1), child(2));
      expect(outer).toBeInstanceOf(GatheringFuture);
      expect(outer.getLoop()).toBe(running);
      expect(yield* outer).toEqual([1, 2]);
      expect(names).toEqual(['child 1', 'child 2']);
    });
  });

  it('accepts futures, tasks and coroutines together, and the array form', () => {
    const values = runVirtual(function* () {
      const fut = loop().createFuture<string>();
      loop().callLater(1, () => fut.setResult('future'));
      const task = loop().createTask(sleep(2, 'task'));
      return yield* gather([fut, task, sleep(0.5, 'coroutine')]);
    });
    expect(values).toEqual(['future', 'task', 'coroutine']);
  });

  it('runs the same awaitable passed twice once and fills both places', () => {
    const trace = new Trace();
    const values = runVirtual(function* () {
      const a = job(trace, 'a', 1, 'A');
      const fut = loop().createFuture<number>();
      loop().callSoon(() => fut.setResult(7));
      return yield* gather(a, fut, a, fut);
    });
    expect(values).toEqual(['A', 7, 'A', 7]);
    expect(trace.lines).toEqual(['t=0 a start', 't=1 a done']);
  });

  it('runs each repeated argument once whatever its kind (done future, subclass, taken coroutine, in a context)', () => {
    class Watched<T> extends Future<T> {
      added = 0;
      override addDoneCallback(callback: (future: Future<T>) => void): void {
        this.added++;
        super.addDoneCallback(callback);
      }
    }
    const cvar = new ContextVar('cvar', { default: 0 });
    const trace = new Trace();
    const values = runVirtual(function* () {
      const done = loop().createFuture<string>();
      done.setResult('done');
      const watched = new Watched<string>({ loop: loop() });
      loop().callSoon(() => watched.setResult('watched'));
      const taken = job(trace, 'taken', 1, 'T');
      const owner = loop().createTask(taken);
      const a = job(trace, 'a', 1, 'A');
      cvar.set(1); // gather's callbacks are now stored with their context
      const results = yield* gather(a, done, watched, done, a, watched);
      const reused = yield* gather([taken, taken], { returnExceptions: true });
      expect(watched.added).toBe(1);
      expect(yield* owner).toBe('T');
      return [...results, describeError(reused[0]), reused[0] === reused[1]];
    });
    expect(values).toEqual([
      'A',
      'done',
      'watched',
      'done',
      'A',
      'watched',
      "RuntimeError('cannot reuse already awaited coroutine')",
      true,
    ]);
    expect(trace.lines).toEqual(['t=0 taken start', 't=0 a start', 't=1 taken done', 't=1 a done']);
  });

  it('resolves gather() with nothing to [] at once', () => {
    runVirtual(function* () {
      const outer = gather();
      expect(outer.done()).toBe(true);
      expect(outer.result()).toEqual([]);
      expect(outer.cancel()).toBe(false);
      expect(yield* gather([])).toEqual([]);
    });
  });

  it('works on the current loop outside of a running loop', () => {
    const clockLoop = new EventLoop({ clock: new VirtualClock() });
    const fut = clockLoop.createFuture<number>();
    const outer = gather(fut, fut);
    expect(outer.getLoop()).toBe(clockLoop);
    clockLoop.callSoon(() => fut.setResult(5));
    expect(clockLoop.runUntilComplete(outer)).toEqual([5, 5]);
    clockLoop.close();
  });
});

describe('gather: failures', () => {
  it('fails at once with the first exception while the other children keep running', () => {
    const trace = new Trace();
    runVirtual(function* () {
      const slow = job(trace, 'slow', 3, 'S');
      const outer = gather(
        slow,
        job(trace, 'bad', 1, 0, new Boom('bad')),
        job(trace, 'mid', 2, 'M'),
      );
      try {
        yield* outer;
      } catch (error) {
        trace.log(`gather raised ${describeError(error)}`);
      }
      expect(outer.cancel()).toBe(false);
      yield* sleep(5);
      trace.log('end');
    });
    expect(trace.lines).toEqual([
      't=0 slow start',
      't=0 bad start',
      't=0 mid start',
      't=1 bad fails',
      "t=1 gather raised Boom('bad')",
      't=2 mid done',
      't=3 slow done',
      't=6 end',
    ]);
  });

  it('fails with a CancelledError when a child is cancelled, without cancelling the others', () => {
    const trace = new Trace();
    runVirtual(function* () {
      const victim = loop().createTask(job(trace, 'victim', 5, 'V'));
      const outer = gather(victim, job(trace, 'other', 2, 'O'));
      yield* sleep(1);
      victim.cancel('stop it');
      try {
        yield* outer;
      } catch (error) {
        trace.log(`gather raised ${describeError(error)}`);
      }
      expect(outer.cancelled()).toBe(false);
      yield* sleep(3);
    });
    expect(trace.lines).toEqual([
      't=0 victim start',
      't=0 other start',
      "t=1 victim CancelledError('stop it')",
      "t=1 gather raised CancelledError('stop it')",
      't=2 other done',
    ]);
  });

  it('with returnExceptions puts failures and cancellations in their places', () => {
    const trace = new Trace();
    const results = runVirtual(function* () {
      const victim = loop().createTask(job(trace, 'victim', 5, 'V'));
      const fut = loop().createFuture<string>();
      loop().callLater(0.5, () => fut.cancel('future gone'));
      loop().callLater(1, () => victim.cancel('boom'));
      return yield* gather(
        [victim, job(trace, 'ok', 2, 'OK'), job(trace, 'bad', 1, 0, new Boom('b')), fut],
        {
          returnExceptions: true,
        },
      );
    });
    // asyncio quirk mirrored: a task cancelled by cancel(msg) shows up as CancelledError().
    expect(results.map(describeError)).toEqual([
      'CancelledError()',
      'OK',
      "Boom('b')",
      "CancelledError('future gone')",
    ]);
    expect(results[0]).toBeInstanceOf(CancelledError);
  });

  it('with returnExceptions a cancelled task takes the place with the error its coroutine ended with', () => {
    const seen: unknown[] = [];
    const results = runVirtual(function* () {
      function* child(): Coroutine<string> {
        try {
          yield* sleep(10);
          return 'late';
        } catch (error) {
          seen.push(error);
          throw error;
        }
      }
      const tasks = [loop().createTask(child()), loop().createTask(child())];
      yield* sleep(1);
      tasks[0]?.cancel();
      tasks[1]?.cancel('with a message');
      return yield* gather(tasks, { returnExceptions: true });
    });
    expect(results.map(describeError)).toEqual(['CancelledError()', 'CancelledError()']);
    // Same class and message as asyncio's new error; the object is the one the coroutine saw
    // when the messages agree (README: Differences), a new one otherwise.
    expect(results[0]).toBe(seen[0]);
    expect(results[1]).not.toBe(seen[1]);
  });

  it('does not report child exceptions as never retrieved once the gather failed', () => {
    const reported: string[] = [];
    runVirtual(function* () {
      loop().setExceptionHandler((_loop, ctx) => reported.push(ctx.message));
      const outer = gather(
        job(new Trace(), 'x', 1, 0, new Boom('1')),
        job(new Trace(), 'y', 2, 0, new Boom('2')),
      );
      try {
        yield* outer;
      } catch {
        // expected: Boom('1')
      }
      yield* sleep(3);
    });
    expect(reported).toEqual([]);
  });
});

describe('gather: cancellation', () => {
  it('cancelling the gather cancels every child still running; the gather ends with CancelledError', () => {
    const trace = new Trace();
    runVirtual(function* () {
      const outer = gather(
        job(trace, 'a', 1, 'A'),
        job(trace, 'b', 5, 'B'),
        job(trace, 'c', 6, 'C'),
      );
      yield* sleep(2);
      expect(outer.cancel('enough')).toBe(true);
      expect(outer.done()).toBe(false);
      try {
        yield* outer;
      } catch (error) {
        trace.log(`gather raised ${describeError(error)}`);
      }
      // 3.11: the CancelledError is set as the gather's exception, it is not "cancelled".
      expect(outer.cancelled()).toBe(false);
      expect(outer.exception()).toBeInstanceOf(CancelledError);
    });
    expect(trace.lines).toEqual([
      't=0 a start',
      't=0 b start',
      't=0 c start',
      't=1 a done',
      "t=2 b CancelledError('enough')",
      "t=2 c CancelledError('enough')",
      "t=2 gather raised CancelledError('enough')",
    ]);
  });

  it('cancelling the task that awaits the gather cancels the children and the task', () => {
    const trace = new Trace();
    runVirtual(function* () {
      const waiter = loop().createTask(
        (function* () {
          return yield* gather(job(trace, 'a', 5, 'A'), job(trace, 'b', 5, 'B'));
        })(),
      );
      yield* sleep(1);
      waiter.cancel('from above');
      try {
        yield* waiter;
      } catch (error) {
        trace.log(`waiter raised ${describeError(error)}`);
      }
      expect(waiter.cancelled()).toBe(true);
    });
    expect(trace.lines).toEqual([
      't=0 a start',
      't=0 b start',
      "t=1 a CancelledError('from above')",
      "t=1 b CancelledError('from above')",
      "t=1 waiter raised CancelledError('from above')",
    ]);
  });

  it('with returnExceptions a cancelled gather still ends with CancelledError', () => {
    runVirtual(function* () {
      const outer = gather([sleep(1, 'x'), sleep(2, 'y')], { returnExceptions: true });
      yield* sleep(0.5);
      expect(outer.cancel('m3')).toBe(true);
      let raised: unknown;
      try {
        yield* outer;
      } catch (error) {
        raised = error;
      }
      expect(describeError(raised)).toBe("CancelledError('m3')");
    });
  });

  it('with returnExceptions takes the CancelledError of the last child, as asyncio does', () => {
    runVirtual(function* () {
      const finished = loop().createTask(sleep(0, 'y'));
      const outer = gather([sleep(1, 'x'), finished], { returnExceptions: true });
      yield* sleep(0.01);
      expect(outer.cancel('stop')).toBe(true);
      let raised: unknown;
      try {
        yield* outer;
      } catch (error) {
        raised = error;
      }
      // The last child finished normally: asyncio makes a CancelledError without message.
      expect(describeError(raised)).toBe('CancelledError()');
    });
  });

  it('cancel() returns false when every child is already done', () => {
    runVirtual(function* () {
      const a = loop().createFuture<number>();
      a.setResult(1);
      const outer = gather(a);
      expect(outer.cancel()).toBe(false);
      expect(yield* outer).toEqual([1]);
    });
  });

  it('ends with CancelledError even when the children swallowed the cancellation', () => {
    runVirtual(function* () {
      function* stubborn(): Coroutine<string> {
        try {
          yield* sleep(5);
        } catch {
          return 'ignored the cancel';
        }
        return 'slept';
      }
      const done = loop().createFuture<string>();
      done.setResult('b');
      const outer = gather(stubborn(), done);
      yield* sleep(0.5);
      expect(outer.cancel()).toBe(true);
      let raised: unknown;
      try {
        yield* outer;
      } catch (error) {
        raised = error;
      }
      // As 3.11: a requested cancellation wins over the results (last child: not cancelled).
      expect(describeError(raised)).toBe('CancelledError()');
    });
  });
});

describe('gather: bad input', () => {
  it.each([
    [42, '42'],
    [{ a: 1 }, '{a: 1}'],
    [
      // a function shows as its name, never its source text
      function longBodyThatMustNotBePrinted() {
        return 'x'.repeat(100);
      },
      '<function longBodyThatMustNotBePrinted>',
    ],
    [() => 1, '<function anonymous>'],
    ['text', "'text'"],
    [null, 'null'],
  ])('refuses %s with a TypeError naming its position', (value, shown) => {
    runVirtual(function* () {
      const bad = value as unknown as Future<unknown>;
      expect(() => gather(sleep(0), bad)).toThrow(
        new TypeError(
          `gather() argument 2 must be an awaitable (a coroutine, a Future or a Task), got ${shown}`,
        ),
      );
      expect(() => gather([sleep(0), sleep(0), bad])).toThrow(
        new TypeError(
          `gather(): aws[2] must be an awaitable (a coroutine, a Future or a Task), got ${shown}`,
        ),
      );
      yield* sleep(0);
    });
  });

  it('tells you to call a generator function', () => {
    function* worker(): Coroutine<number> {
      return 1;
    }
    runVirtual(function* () {
      expect(() => gather(worker as unknown as Coroutine<number>)).toThrow(
        /argument 1 must be an awaitable .*got <function\* worker> \(a generator function: call it to get a coroutine, worker\(\)\)/,
      );
      yield* sleep(0);
    });
  });

  it('runs nothing when an argument is refused', () => {
    const trace = new Trace();
    runVirtual(function* () {
      const fut = loop().createFuture<number>();
      expect(() => gather(job(trace, 'a', 1, 'A'), fut, 3 as unknown as Future<number>)).toThrow(
        TypeError,
      );
      yield* sleep(2);
      fut.setResult(1);
      yield* sleep(0);
    });
    expect(trace.lines).toEqual([]);
  });

  it('refuses a future bound to another loop', () => {
    const other = new EventLoop();
    runVirtual(function* () {
      const foreign = other.createFuture<number>();
      expect(() => gather(sleep(0), foreign)).toThrow(RuntimeError);
      expect(() => gather(sleep(0), foreign)).toThrow(
        /^gather\(\) argument 2 <Future pending> belongs to a different event loop than <EventLoop running=true/,
      );
      yield* sleep(0);
    });
    other.close();
  });

  it('validates the options', () => {
    runVirtual(function* () {
      expect(() => gather([sleep(0)], { limit: 0 })).toThrow(
        new RangeError('gather(): limit must be a positive integer, got 0'),
      );
      expect(() => gather([sleep(0)], { limit: 1.5 })).toThrow(RangeError);
      expect(() => gather([sleep(0)], { limit: '2' as unknown as number })).toThrow(
        new TypeError("gather(): limit must be a positive integer, got '2'"),
      );
      expect(() => gather([sleep(0)], { returnExceptions: 1 as unknown as boolean })).toThrow(
        new TypeError('gather(): returnExceptions must be a boolean, got 1'),
      );
      yield* sleep(0);
    });
  });
});

describe('gather: many children', () => {
  it('gathers 100,000 children in argument order', () => {
    const n = 100_000;
    const results = runVirtual(function* () {
      function* child(i: number): Coroutine<number> {
        yield* sleep((i % 7) / 10);
        return i;
      }
      const children: Coroutine<number>[] = new Array(n);
      for (let i = 0; i < n; i++) children[i] = child(i);
      return yield* gather(children);
    });
    expect(results.length).toBe(n);
    let inOrder = true;
    for (let i = 0; i < n; i++) if (results[i] !== i) inOrder = false;
    expect(inOrder).toBe(true);
  }, 120_000);
});

describe('gather: reprs', () => {
  it('a task that awaits a gather of itself has a bounded repr (no stack overflow)', () => {
    const { loop: own } = jumpLoop();
    const box: { gathering?: Future<unknown> } = {};
    const task = own.createTask(
      (function* (): Coroutine<void> {
        yield;
        yield* box.gathering as Future<unknown>;
      })(),
      { name: 'T' },
    );
    box.gathering = gather(task);
    own.stop();
    own.runForever();
    own.stop();
    own.runForever();
    expect(String(task)).toBe(
      "<Task pending name='T' wait_for=<GatheringFuture pending cb=[Task.task_wakeup()]> cb=[anonymous()]>",
    );
    expect(String(box.gathering)).toBe('<GatheringFuture pending cb=[Task.task_wakeup()]>');
    own.close();
  });
});
