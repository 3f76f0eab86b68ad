import { CancelledError, type Coroutine, RuntimeError, type Task } from '@asyncio-ts/core-loop';
import { Barrier, BrokenBarrierError } from '@asyncio-ts/locks';
import { describe, expect, it } from 'vitest';
import { caught, runVirtual, spawn, ticks } from './support.js';

const N = 5;

function* all(tasks: Task<unknown>[]): Coroutine<void> {
  for (const t of tasks) yield* t;
}

function* gatherTasks(n: number, coro: () => Coroutine<void>): Coroutine<void> {
  yield* all(Array.from({ length: n }, () => spawn(coro())));
}

describe('Barrier', () => {
  it('checks parties and shows its state in toString()', () => {
    expect(() => new Barrier(0)).toThrow(RangeError);
    expect(() => new Barrier(0)).toThrow('parties must be > 0');
    expect(() => new Barrier(Number.NaN)).toThrow(TypeError);
    runVirtual(function* () {
      const barrier = new Barrier(3);
      expect(barrier.parties).toBe(3);
      expect(String(barrier)).toBe('<Barrier [filling, waiters:0/3]>');
      const waiter = spawn(caught(barrier.wait()));
      yield* ticks();
      expect(String(barrier)).toBe('<Barrier [filling, waiters:1/3]>');
      yield* barrier.abort();
      expect(yield* waiter).toBeInstanceOf(BrokenBarrierError);
      expect(String(barrier)).toBe('<Barrier [broken]>');
    });
  });

  it('lets all parties go once the last arrives, with indices 0 … parties-1', () => {
    const indices = runVirtual(function* () {
      const barrier = new Barrier(N);
      const tasks = Array.from({ length: N }, () => spawn(barrier.wait()));
      yield* ticks();
      const indices: number[] = [];
      for (const t of tasks) indices.push(yield* t);
      expect(barrier.nWaiting).toBe(0);
      expect(barrier.broken).toBe(false);
      return indices;
    });
    expect(indices).toEqual([0, 1, 2, 3, 4]);
  });

  it('can be passed again and again', () => {
    runVirtual(function* () {
      const barrier = new Barrier(N);
      const results: number[] = [];
      yield* gatherTasks(N, function* () {
        for (let i = 0; i < 3; i++) results.push(yield* barrier.wait());
      });
      expect(results.sort()).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
    });
  });

  it('forgets a party cancelled while it waits', () => {
    runVirtual(function* () {
      const barrier = new Barrier(3);
      const t1 = spawn(barrier.wait());
      yield* ticks();
      const t2 = spawn(barrier.wait());
      yield* ticks();
      expect(barrier.nWaiting).toBe(2);
      t1.cancel();
      yield* ticks();
      expect(barrier.nWaiting).toBe(1);
      expect(yield* caught(t1)).toBeInstanceOf(CancelledError);
      const t3 = spawn(barrier.wait());
      const t4 = spawn(barrier.wait());
      yield* all([t2, t3, t4]);
      expect(barrier.nWaiting).toBe(0);
    });
  });

  it('blocks new arrivals while it drains', () => {
    const trace = runVirtual(function* () {
      const barrier = new Barrier(2);
      const trace: string[] = [];
      const party = function* (name: string) {
        const index = yield* barrier.wait();
        trace.push(`${name} passed ${index}`);
      };
      const a = spawn(party('a'));
      const b = spawn(party('b'));
      const c = spawn(party('c')); // arrives while a and b drain
      const d = spawn(party('d'));
      yield* all([a, b, c, d]);
      return trace;
    });
    expect(trace).toEqual(['b passed 1', 'a passed 0', 'd passed 1', 'c passed 0']);
  });

  it('reset() throws BrokenBarrierError into the waiting tasks and fills again', () => {
    runVirtual(function* () {
      const barrier = new Barrier(N);
      const errors: unknown[] = [];
      const tasks = Array.from({ length: N - 1 }, () =>
        spawn(
          (function* () {
            errors.push(yield* caught(barrier.wait()));
          })(),
        ),
      );
      yield* ticks();
      spawn(barrier.reset());
      yield* all(tasks);
      expect(errors).toHaveLength(N - 1);
      for (const e of errors) {
        expect(e).toBeInstanceOf(BrokenBarrierError);
        expect(e).toBeInstanceOf(RuntimeError);
        expect((e as Error).message).toBe('Abort or reset of barrier');
      }
      expect(barrier.nWaiting).toBe(0);
      expect(String(barrier)).toBe(`<Barrier [filling, waiters:0/${N}]>`);
    });
  });

  it('reset() by a drained task breaks the tasks still draining', () => {
    runVirtual(function* () {
      const barrier = new Barrier(N);
      const broken: boolean[] = [];
      const rest = Math.floor(N / 2);
      yield* gatherTasks(N, function* () {
        try {
          yield* barrier.wait();
        } catch (error) {
          if (!(error instanceof BrokenBarrierError)) throw error;
          broken.push(true);
          return;
        }
        if (barrier._count === rest) yield* barrier.reset();
      });
      expect(broken).toEqual(Array(rest).fill(true));
      expect(barrier.broken).toBe(false);
      expect(String(barrier)).not.toContain('resetting');
    });
  });

  it('abort() breaks the waiting tasks and every later wait()', () => {
    runVirtual(function* () {
      const barrier = new Barrier(N);
      const blocking = Math.floor(N / 2);
      let count = 0;
      const results1: boolean[] = [];
      const results2: boolean[] = [];
      yield* gatherTasks(N, function* () {
        try {
          yield* barrier.wait();
        } catch (error) {
          if (!(error instanceof BrokenBarrierError)) throw error;
          results1.push(true);
          return;
        }
        count++;
        if (count > blocking) {
          yield* barrier.abort();
        } else {
          const error = yield* caught(barrier.wait());
          if (error instanceof BrokenBarrierError) results2.push(true);
        }
      });
      expect(barrier.broken).toBe(true);
      expect(results1).toEqual(Array(blocking).fill(true));
      expect(results2).toEqual(Array(N - blocking - 1).fill(true));
      const late = yield* caught(barrier.wait());
      expect(late).toBeInstanceOf(BrokenBarrierError);
      expect((late as Error).message).toBe('Barrier aborted');
    });
  });

  it('reset() and abort() with nobody waiting only change the state', () => {
    runVirtual(function* () {
      const barrier = new Barrier(1);
      spawn(barrier.reset());
      yield* ticks();
      expect(barrier.nWaiting).toBe(0);
      expect(barrier.broken).toBe(false);
      spawn(barrier.abort());
      yield* ticks();
      expect(barrier.broken).toBe(true);
    });
  });
});
