import { CancelledError, getRunningLoop, isCoroutine, RuntimeError } from '@asyncio-ts/core-loop';
import { scheduledTimers } from '@asyncio-ts/core-loop/internal';
import { sleep } from '@asyncio-ts/timers';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { all, runTraced, spawn, type Trace } from './trace.js';

function* notebookTask(trace: Trace, name: string, seconds: number) {
  trace.log(`Start ${name}`);
  yield* sleep(seconds);
  trace.log(`End ${name}`);
}

describe('sleep', () => {
  it("replays the notebook's Example-1: four sleeps end at t = 4 in order 4, 2, 1, 3", () => {
    const { lines } = runTraced(function* (trace) {
      trace.log('Starting asynchronous tasks...');
      yield* all([
        spawn(notebookTask(trace, 'Task 1', 3)),
        spawn(notebookTask(trace, 'Task 2', 2)),
        spawn(notebookTask(trace, 'Task 3', 4)),
        spawn(notebookTask(trace, 'Task 4', 1)),
      ]);
      trace.log('All asynchronous tasks finished.');
    });
    expect(lines).toEqual([
      't=0 Starting asynchronous tasks...',
      't=0 Start Task 1',
      't=0 Start Task 2',
      't=0 Start Task 3',
      't=0 Start Task 4',
      't=1 End Task 4',
      't=2 End Task 2',
      't=3 End Task 1',
      't=4 End Task 3',
      't=4 All asynchronous tasks finished.',
    ]);
  });

  it('replays Example-2: two 2 s sleeps overlap and end at t = 2 in start order', () => {
    const { lines } = runTraced(function* (trace) {
      yield* all([spawn(notebookTask(trace, 'task1', 2)), spawn(notebookTask(trace, 'task2', 2))]);
    });
    expect(lines).toEqual(['t=0 Start task1', 't=0 Start task2', 't=2 End task1', 't=2 End task2']);
  });

  it('evaluates to the result it was given, typed', () => {
    const { result } = runTraced(function* () {
      const word = yield* sleep(1.5, 'done');
      expectTypeOf(word).toEqualTypeOf<string>();
      const nothing = yield* sleep(0);
      expectTypeOf(nothing).toEqualTypeOf<void>();
      return [word, nothing, getRunningLoop().time()];
    });
    expect(result).toEqual(['done', undefined, 1.5]);
  });

  it.each([0, -1, -0, Number.NEGATIVE_INFINITY])(
    'sleep(%d) gives up the turn exactly once and leaves time alone',
    (delay) => {
      const { lines } = runTraced(function* (trace) {
        const a = spawn(
          (function* () {
            trace.log('a before');
            const value = yield* sleep(delay, 'a value');
            trace.log(`a after: ${value}`);
          })(),
        );
        const b = spawn(
          (function* () {
            trace.log('b step 1');
            yield;
            trace.log('b step 2');
            yield;
            trace.log('b step 3');
          })(),
        );
        yield* all([a, b]);
        trace.log(`timers left: ${scheduledTimers(getRunningLoop()).length}`);
      });
      expect(lines).toEqual([
        't=0 a before',
        't=0 b step 1',
        't=0 a after: a value',
        't=0 b step 2',
        't=0 b step 3',
        't=0 timers left: 0',
      ]);
    },
  );

  it('wakes sleepers with the same deadline in the order they fell asleep', () => {
    const { lines } = runTraced(function* (trace) {
      const tasks = ['first', 'second', 'third'].map((name) =>
        spawn(
          (function* () {
            yield* sleep(1);
            trace.log(name);
          })(),
        ),
      );
      yield* all(tasks);
    });
    expect(lines).toEqual(['t=1 first', 't=1 second', 't=1 third']);
  });

  it('cancelling a sleeping task throws CancelledError into it and removes its timer', () => {
    const { lines } = runTraced(function* (trace) {
      const loop = getRunningLoop();
      const sleeper = spawn(
        (function* () {
          try {
            yield* sleep(3600);
          } catch (error) {
            trace.log(`sleeper caught ${String(error)}`);
            throw error;
          }
        })(),
      );
      yield* sleep(1);
      sleeper.cancel('enough');
      yield* sleep(0);
      const live = scheduledTimers(loop).filter((timer) => !timer.cancelled());
      trace.log(`sleeper cancelled: ${sleeper.cancelled()}, live timers: ${live.length}`);
    });
    expect(lines).toEqual([
      't=1 sleeper caught CancelledError: enough',
      't=1 sleeper cancelled: true, live timers: 0',
    ]);
  });

  it('a sleep that catches its cancellation can go on sleeping', () => {
    const { result } = runTraced(function* () {
      const loop = getRunningLoop();
      const task = spawn(
        (function* () {
          try {
            yield* sleep(10);
          } catch (error) {
            if (!(error instanceof CancelledError)) throw error;
          }
          yield* sleep(2);
          return loop.time();
        })(),
      );
      yield* sleep(1);
      task.cancel();
      return yield* task;
    });
    expect(result).toBe(3);
  });

  it('leaves no timer behind after a thousand cancelled sleeps', () => {
    const { result } = runTraced(function* () {
      const loop = getRunningLoop();
      const tasks = Array.from({ length: 1000 }, (_, i) => spawn(sleep(100 + i)));
      yield* sleep(0);
      for (const task of tasks) task.cancel();
      yield* sleep(1);
      return {
        live: scheduledTimers(loop).filter((timer) => !timer.cancelled()).length,
        cancelled: tasks.filter((task) => task.cancelled()).length,
        time: loop.time(),
      };
    });
    expect(result).toEqual({ live: 0, cancelled: 1000, time: 1 });
  });

  it.each([
    [Number.NaN, 'NaN'],
    ['1', "'1'"],
    [undefined, 'undefined'],
    [null, 'null'],
    [{}, '{}'],
    [() => 1, '<function anonymous>'],
    [10n, '10n'],
  ])('rejects %s as a delay with a TypeError naming it', (delay, shown) => {
    expect(() => sleep(delay as number)).toThrow(TypeError);
    expect(() => sleep(delay as number)).toThrow(
      `sleep() delay must be a number of seconds, got ${shown}`,
    );
  });

  it("is a coroutine: a task can run it, once; resuming it after is asyncio's RuntimeError", () => {
    const coro = sleep(2, 'x');
    expect(isCoroutine(coro)).toBe(true);
    expect(Object.prototype.toString.call(coro)).toBe('[object Generator]');
    expect(coro[Symbol.iterator]()).toBe(coro);
    const { result } = runTraced(function* () {
      const task = spawn(coro);
      const value = yield* task;
      return [value, getRunningLoop().time()];
    });
    expect(result).toEqual(['x', 2]);
    expect(() => coro.next()).toThrow(new RuntimeError('cannot reuse already awaited coroutine'));
  });

  it('closing the coroutine that waits in a sleep removes the timer', () => {
    const { result } = runTraced(function* () {
      const loop = getRunningLoop();
      function* napper() {
        yield* sleep(100);
        return 'woke';
      }
      const coro = napper();
      const first = coro.next();
      const closed = coro.return('closed early');
      (first.value as { cancel(): boolean }).cancel();
      const live = scheduledTimers(loop).filter((timer) => !timer.cancelled()).length;
      return [closed, live];
    });
    expect(result).toEqual([{ done: true, value: 'closed early' }, 0]);
  });

  it('an error thrown into a sleep before it starts ends it at once', () => {
    const coro = sleep(1);
    const boom = new Error('boom');
    expect(() => coro.throw(boom)).toThrow(boom);
    expect(() => coro.next()).toThrow('cannot reuse already awaited coroutine');
  });

  it('needs a running loop once it starts', () => {
    const coro = sleep(1);
    expect(() => coro.next()).toThrow(RuntimeError);
    expect(() => sleep(1).next()).toThrow('no running event loop');
  });
});
