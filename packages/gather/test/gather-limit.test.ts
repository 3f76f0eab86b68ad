import { CancelledError, type Coroutine } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { describe, expect, it } from 'vitest';
import { describeError, job, loop, runVirtual, sleep, Trace } from './support.js';

class Boom extends Error {
  override name = 'Boom';
}

describe('gather: limit', () => {
  it('starts at most `limit` coroutines at once, the next one each time one finishes', () => {
    const trace = new Trace();
    const results = runVirtual(function* () {
      return yield* gather(
        [
          job(trace, 'a', 3, 'A'),
          job(trace, 'b', 1, 'B'),
          job(trace, 'c', 1, 'C'),
          job(trace, 'd', 1, 'D'),
        ],
        { limit: 2 },
      );
    });
    expect(results).toEqual(['A', 'B', 'C', 'D']);
    expect(trace.lines).toEqual([
      't=0 a start',
      't=0 b start',
      't=1 b done',
      't=1 c start',
      't=2 c done',
      't=2 d start',
      't=3 a done',
      't=3 d done',
    ]);
  });

  it('limit 1 runs the coroutines one after the other, in argument order', () => {
    const trace = new Trace();
    runVirtual(function* () {
      return yield* gather([job(trace, 'a', 2, 1), job(trace, 'b', 1, 2), job(trace, 'c', 1, 3)], {
        limit: 1,
      });
    });
    expect(trace.lines).toEqual([
      't=0 a start',
      't=2 a done',
      't=2 b start',
      't=3 b done',
      't=3 c start',
      't=4 c done',
    ]);
  });

  it('does not count futures and tasks passed in against the limit', () => {
    const trace = new Trace();
    const results = runVirtual(function* () {
      const task = loop().createTask(job(trace, 'task', 2, 'T'));
      return yield* gather([task, job(trace, 'x', 1, 'X'), job(trace, 'y', 1, 'Y')], { limit: 1 });
    });
    expect(results).toEqual(['T', 'X', 'Y']);
    expect(trace.lines).toEqual([
      't=0 task start',
      't=0 x start',
      't=1 x done',
      't=1 y start',
      't=2 task done',
      't=2 y done',
    ]);
  });

  it('runs a coroutine passed twice once, even before it started', () => {
    const trace = new Trace();
    const results = runVirtual(function* () {
      const b = job(trace, 'b', 1, 'B');
      return yield* gather([job(trace, 'a', 1, 'A'), b, b], { limit: 1 });
    });
    expect(results).toEqual(['A', 'B', 'B']);
    expect(trace.lines).toEqual(['t=0 a start', 't=1 a done', 't=1 b start', 't=2 b done']);
  });

  it('fails at once with the first failure; started children keep running, the rest never start', () => {
    const trace = new Trace();
    let closed = false;
    runVirtual(function* () {
      function* never(): Coroutine<string> {
        try {
          trace.log('never start');
          return 'N';
        } finally {
          closed = true;
        }
      }
      const outer = gather(
        [job(trace, 'slow', 3, 'S'), job(trace, 'bad', 1, 0, new Boom('x')), never()],
        {
          limit: 2,
        },
      );
      try {
        yield* outer;
      } catch (error) {
        trace.log(`gather raised ${describeError(error)}`);
      }
      yield* sleep(5);
    });
    expect(trace.lines).toEqual([
      't=0 slow start',
      't=0 bad start',
      't=1 bad fails',
      "t=1 gather raised Boom('x')",
      't=3 slow done',
    ]);
    // A never-started generator is closed without running its body (its finally never ran).
    expect(closed).toBe(false);
  });

  it('with returnExceptions keeps going and collects every outcome', () => {
    const results = runVirtual(function* () {
      return yield* gather(
        [sleep(1, 'a'), job(new Trace(), 'bad', 1, 0, new Boom('b')), sleep(1, 'c')],
        {
          limit: 1,
          returnExceptions: true,
        },
      );
    });
    expect(results.map(describeError)).toEqual(['a', "Boom('b')", 'c']);
  });

  it('cancelling the gather cancels started children and closes the ones not started', () => {
    const trace = new Trace();
    const finalized: string[] = [];
    runVirtual(function* () {
      function* waiting(name: string): Coroutine<string> {
        try {
          return yield* job(trace, name, 5, name);
        } finally {
          finalized.push(name);
        }
      }
      const pending = [waiting('a'), waiting('b'), waiting('c'), waiting('d')];
      const outer = gather(pending, { limit: 2 });
      yield* sleep(1);
      expect(outer.cancel('halt')).toBe(true);
      try {
        yield* outer;
      } catch (error) {
        trace.log(`gather raised ${describeError(error)}`);
      }
      yield* sleep(10);
      // The unstarted coroutines are finished generators now: they can never run.
      expect(pending[2]?.next()).toEqual({ done: true, value: undefined });
    });
    expect(trace.lines).toEqual([
      't=0 a start',
      't=0 b start',
      "t=1 a CancelledError('halt')",
      "t=1 b CancelledError('halt')",
      "t=1 gather raised CancelledError('halt')",
    ]);
    expect(finalized).toEqual(['a', 'b']);
  });

  it('with returnExceptions a cancelled limited gather ends with CancelledError', () => {
    runVirtual(function* () {
      const outer = gather([sleep(5, 'a'), sleep(5, 'b')], { limit: 1, returnExceptions: true });
      yield* sleep(1);
      expect(outer.cancel('m')).toBe(true);
      let raised: unknown;
      try {
        yield* outer;
      } catch (error) {
        raised = error;
      }
      expect(raised).toBeInstanceOf(CancelledError);
    });
  });

  it('keeps at most `limit` of 10,000 coroutines running', () => {
    let running = 0;
    let most = 0;
    const results = runVirtual(function* () {
      function* child(i: number): Coroutine<number> {
        running++;
        most = Math.max(most, running);
        yield* sleep((i % 5) / 10);
        running--;
        return i;
      }
      const children: Coroutine<number>[] = [];
      for (let i = 0; i < 10_000; i++) children.push(child(i));
      return yield* gather(children, { limit: 7 });
    });
    expect(most).toBe(7);
    expect(results.every((value, i) => value === i)).toBe(true);
  }, 60_000);
});
