import { CancelledError, getRunningLoop, RuntimeError } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { ThreadPoolExecutor, toThread } from '@asyncio-ts/threads';
import { sleep } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';
import { flags, MODES, runIn, work } from './support.js';

describe.each(MODES)('ThreadPoolExecutor in %s', (mode) => {
  it('runs at most maxWorkers calls at once; the rest waits its turn', async () => {
    const pool = new ThreadPoolExecutor({ maxWorkers: 2 });
    const [threads, elapsed] = await runIn(mode, function* () {
      const loop = getRunningLoop();
      const started = loop.time();
      const ids = yield* gather(
        ...[0, 1, 2, 3].map(() => pool.submit<number>(work, 'later', 0.15, 0)),
        ...[0, 1, 2, 3].map(() => pool.submit<number>(work, 'whoAmI')),
      );
      const elapsed = loop.time() - started;
      yield* pool.shutdown();
      return [new Set(ids.slice(4)), elapsed] as const;
    });
    expect(threads.size).toBeLessThanOrEqual(2);
    // Four 0.15 s calls on two workers take two rounds.
    expect(elapsed).toBeGreaterThanOrEqual(0.29);
  });

  it('loop.runInExecutor runs on the executor given, or on the loop default', async () => {
    const pool = new ThreadPoolExecutor({ maxWorkers: 1 });
    const [mine, again, viaDefault] = await runIn(mode, function* () {
      const loop = getRunningLoop();
      const mine = yield* loop.runInExecutor<number>(pool, work, 'whoAmI');
      const again = yield* loop.runInExecutor<number>(pool, work, 'whoAmI');
      const viaDefault = yield* loop.runInExecutor<number>(null, work, 'add', 3, 4);
      yield* pool.shutdown();
      return [mine, again, viaDefault];
    });
    expect(mine).toBe(again);
    expect(viaDefault).toBe(7);
  });

  it('cancelling the awaiting task cancels work that has not started', async () => {
    const marks = flags(2);
    const pool = new ThreadPoolExecutor({ maxWorkers: 1 });
    const outcome = await runIn(mode, function* () {
      const loop = getRunningLoop();
      const first = pool.submit(work, 'mark', marks, 0, 0.1);
      const waiter = loop.createTask(
        (function* () {
          return yield* pool.submit(work, 'mark', marks, 1, 0);
        })(),
      );
      yield* sleep(0.02);
      waiter.cancel();
      let cancelled = false;
      try {
        yield* waiter;
      } catch (error) {
        cancelled = error instanceof CancelledError;
      }
      const firstResult = yield* first;
      yield* pool.shutdown();
      return { cancelled, firstResult };
    });
    expect(outcome).toEqual({ cancelled: true, firstResult: 0 });
    expect([...marks]).toEqual([1, 0]);
  });

  it('started work runs to completion when its awaiting task is cancelled; the result is dropped', async () => {
    const marks = flags(1);
    const pool = new ThreadPoolExecutor({ maxWorkers: 1 });
    const cancelled = await runIn(mode, function* () {
      const loop = getRunningLoop();
      const future = pool.submit(work, 'mark', marks, 0, 0.1);
      const waiter = loop.createTask(
        (function* () {
          return yield* future;
        })(),
      );
      yield* sleep(0.03);
      waiter.cancel();
      yield* sleep(0);
      const cancelled = future.cancelled();
      // wait: true returns once the started call has finished and the worker has stopped.
      yield* pool.shutdown();
      return cancelled;
    });
    expect(cancelled).toBe(true);
    expect(marks[0]).toBe(1);
  });

  it('shutdown() lets queued work finish; cancelFutures cancels what has not started', async () => {
    const marks = flags(4);
    const [kept, dropped] = await runIn(mode, function* () {
      const keep = new ThreadPoolExecutor({ maxWorkers: 1 });
      const kept = [0, 1].map((i) => keep.submit<number>(work, 'mark', marks, i, 0.02));
      yield* keep.shutdown();
      const drop = new ThreadPoolExecutor({ maxWorkers: 1 });
      const dropped = [2, 3].map((i) => drop.submit<number>(work, 'mark', marks, i, 0.02));
      yield* sleep(0.005);
      yield* drop.shutdown({ cancelFutures: true });
      return [
        kept.map((f) => f.result()),
        dropped.map((f) => (f.cancelled() ? 'cancelled' : f.result())),
      ];
    });
    expect(kept).toEqual([0, 1]);
    expect(dropped).toEqual([2, 'cancelled']);
    expect([...marks]).toEqual([1, 1, 1, 0]);
  });

  it('refuses work after shutdown, as concurrent.futures does', async () => {
    const message = await runIn(mode, function* () {
      const pool = new ThreadPoolExecutor();
      yield* pool.shutdown({ wait: false });
      try {
        pool.submit(work, 'add', 1, 2);
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
      return 'accepted';
    });
    expect(message).toBe('RuntimeError: cannot schedule new futures after shutdown');
  });

  it('shutdownDefaultExecutor() ends the default pool; runInExecutor(null) then refuses', async () => {
    const message = await runIn(mode, function* () {
      const loop = getRunningLoop();
      yield* toThread(work, 'add', 1, 1);
      yield* loop.shutdownDefaultExecutor();
      try {
        loop.runInExecutor(null, work, 'add', 1, 2);
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
      return 'accepted';
    });
    expect(message).toBe('RuntimeError: Executor shutdown has been called');
  });
});

describe('ThreadPoolExecutor arguments', () => {
  it('refuses a maxWorkers that is not a positive integer', () => {
    expect(() => new ThreadPoolExecutor({ maxWorkers: 0 })).toThrow(
      new RangeError('maxWorkers must be a positive integer, got 0'),
    );
    expect(() => new ThreadPoolExecutor({ maxWorkers: 1.5 })).toThrow(RangeError);
  });

  it('defaults maxWorkers to the number of cores', async () => {
    const { availableParallelism } = await import('node:os');
    expect(new ThreadPoolExecutor().maxWorkers).toBe(availableParallelism());
  });

  it('setDefaultExecutor takes an executor and refuses anything else', async () => {
    const pool = new ThreadPoolExecutor({ maxWorkers: 1 });
    const [same, refusal] = await runIn('runAsync', function* () {
      const loop = getRunningLoop();
      loop.setDefaultExecutor(pool);
      const a = yield* toThread<number>(work, 'whoAmI');
      const b = yield* pool.submit<number>(work, 'whoAmI');
      let refusal = '';
      try {
        loop.setDefaultExecutor({} as ThreadPoolExecutor);
      } catch (error) {
        refusal = (error as Error).message;
      }
      return [a === b, refusal];
    });
    expect(same).toBe(true);
    expect(refusal).toBe('executor must be a ThreadPoolExecutor (an Executor) instance');
    expect(pool.isShutdown()).toBe(true);
  });

  it('runInExecutor on a closed loop throws Event loop is closed', async () => {
    const { EventLoop } = await import('@asyncio-ts/core-loop');
    const loop = new EventLoop();
    loop.close();
    expect(() => loop.runInExecutor(null, work, 'add')).toThrow(
      new RuntimeError('Event loop is closed'),
    );
  });
});
