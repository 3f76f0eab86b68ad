import { CancelledError, type Coroutine, RuntimeError, run } from '@asyncio-ts/core-loop';
import { Queue, QueueEmpty, QueueFull } from '@asyncio-ts/queues';
import { waitFor } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';
import { caught, runVirtual, sleep, spawn, ticks } from '../../locks/test/support.js';

describe('Queue basics', () => {
  it('shows maxsize, items, waiters and unfinished tasks in toString()', () => {
    runVirtual(function* () {
      const q = new Queue<number | string>();
      expect(String(q)).toBe('<Queue maxsize=0>');
      const getter = spawn(q.get());
      yield* ticks();
      expect(String(q)).toBe('<Queue maxsize=0 _getters[1]>');
      q.putNowait(1);
      yield* getter;
      q.putNowait(1);
      q.putNowait('a');
      expect(String(q)).toBe("<Queue maxsize=0 _queue=[1, 'a'] tasks=3>");
      const bounded = new Queue<number>(1);
      bounded.putNowait(1);
      const putter = spawn(bounded.put(2));
      yield* ticks();
      expect(String(bounded)).toBe('<Queue maxsize=1 _queue=[1] _putters[1] tasks=1>');
      bounded.getNowait();
      yield* putter;
    });
  });

  it('reports empty, full, qsize and maxsize', () => {
    const q = new Queue<number>(2);
    expect(q.maxsize).toBe(2);
    expect(q.empty()).toBe(true);
    expect(q.full()).toBe(false);
    q.putNowait(1);
    expect(q.empty()).toBe(false);
    q.putNowait(2);
    expect(q.full()).toBe(true);
    expect(q.qsize()).toBe(2);
    expect(new Queue().full()).toBe(false);
    const unbounded = new Queue<number>(-1);
    for (let i = 0; i < 1000; i++) unbounded.putNowait(i);
    expect(unbounded.full()).toBe(false);
  });

  it('gives items back in FIFO order', () => {
    const q = new Queue<number>();
    for (const i of [1, 3, 2]) q.putNowait(i);
    expect([q.getNowait(), q.getNowait(), q.getNowait()]).toEqual([1, 3, 2]);
  });

  it('a fractional maxsize works as in Python (full at the next whole item)', () => {
    const q = new Queue<number>(1.3);
    q.putNowait(1);
    q.putNowait(2);
    expect(q.full()).toBe(true);
    expect(() => q.putNowait(3)).toThrow(QueueFull);
  });

  it('rejects a maxsize that is not a number', () => {
    expect(() => new Queue('3' as unknown as number)).toThrow(
      'Queue(): maxsize must be a number, got string 3',
    );
    expect(() => new Queue(Number.NaN)).toThrow(TypeError);
  });

  it('throws QueueEmpty and QueueFull from the no-wait forms', () => {
    const q = new Queue<number>(1);
    expect(() => q.getNowait()).toThrow(QueueEmpty);
    q.putNowait(1);
    expect(() => q.putNowait(2)).toThrow(QueueFull);
    const error = (() => {
      try {
        q.putNowait(2);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.name).toBe('QueueFull');
  });
});

describe('Queue.get', () => {
  it('waits for an item while empty', () => {
    runVirtual(function* () {
      const q = new Queue<string>();
      const getter = spawn(q.get());
      yield* sleep(0.01);
      expect(getter.done()).toBe(false);
      yield* q.put('x');
      expect(yield* getter).toBe('x');
    });
  });

  it('wakes a waiting putter when it takes an item', () => {
    runVirtual(function* () {
      const q = new Queue<number>(1);
      q.putNowait(1);
      const putter = spawn(q.put(2));
      yield* ticks();
      expect(yield* q.get()).toBe(1);
      yield* putter;
      expect(q.getNowait()).toBe(2);
    });
  });

  it('a getter cancelled before any item arrives does not take one', () => {
    runVirtual(function* () {
      const q = new Queue<string>();
      const t1 = spawn(q.get());
      const t2 = spawn(q.get());
      yield* ticks();
      t1.cancel();
      yield* ticks();
      expect(t1.done()).toBe(true);
      yield* q.put('a');
      yield* ticks();
      expect(yield* t2).toBe('a');
    });
  });

  it('a getter woken and cancelled at once drops no item', () => {
    runVirtual(function* () {
      const q = new Queue<number>();
      let reader = spawn(q.get());
      yield* ticks();
      q.putNowait(1);
      q.putNowait(2);
      reader.cancel();
      try {
        yield* reader;
      } catch (error) {
        expect(error).toBeInstanceOf(CancelledError);
        reader = spawn(q.get());
        yield* reader;
      }
      expect(reader.result()).toBe(1);
    });
  });

  it('with many readers, a cancelled one passes its wake-up on', () => {
    runVirtual(function* () {
      const q = new Queue<number>();
      const r1 = spawn(q.get());
      const r2 = spawn(q.get());
      const r3 = spawn(q.get());
      yield* ticks();
      q.putNowait(1);
      q.putNowait(2);
      r1.cancel();
      expect(yield* caught(r1)).toBeInstanceOf(CancelledError);
      expect(new Set([yield* r2, yield* r3])).toEqual(new Set([1, 2]));
    });
  });

  it('leaves no getter behind after a timeout', () => {
    runVirtual(function* () {
      const q = new Queue<number>(5);
      yield* caught(waitFor(q.get(), 0.1));
      expect(q._getters.length).toBe(0);
    });
  });

  it('a producer and a consumer through Queue(1) both finish', () => {
    const got = runVirtual(function* () {
      const q = new Queue<number>(1);
      const got: number[] = [];
      const producer = spawn(
        (function* () {
          for (let i = 0; i < 5; i++) yield* q.put(i);
        })(),
      );
      const consumer = spawn(
        (function* () {
          for (let i = 0; i < 5; i++) got.push(yield* q.get());
        })(),
      );
      yield* producer;
      yield* consumer;
      return got;
    });
    expect(got).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('Queue.put', () => {
  it('waits while full', () => {
    runVirtual(function* () {
      const q = new Queue<number>(1);
      yield* q.put(1);
      const putter = spawn(q.put(2));
      yield* sleep(0.01);
      expect(putter.done()).toBe(false);
      expect(yield* q.get()).toBe(1);
      yield* putter;
      expect(q.qsize()).toBe(1);
    });
  });

  it('a putter woken and cancelled at once drops nothing, and a retry succeeds', () => {
    runVirtual(function* () {
      const q = new Queue<number>(1);
      q.putNowait(1);
      let writer = spawn(q.put(2));
      yield* ticks();
      expect(q.getNowait()).toBe(1);
      writer.cancel();
      try {
        yield* writer;
      } catch {
        writer = spawn(q.put(2));
        yield* writer;
      }
      expect(q.getNowait()).toBe(2);
      expect(q.qsize()).toBe(0);
    });
  });

  it('a putter cancelled while the queue is full loses its place, not the others', () => {
    runVirtual(function* () {
      const q = new Queue<string>(1);
      const putA = spawn(q.put('a'));
      const putB = spawn(q.put('b'));
      const putC = spawn(q.put('X'));
      yield* ticks();
      expect(putA.done()).toBe(true);
      expect(putB.done()).toBe(false);
      putC.cancel();
      yield* ticks();
      expect(putC.done()).toBe(true);
      expect(q.getNowait()).toBe('a');
      yield* ticks();
      expect(q.getNowait()).toBe('b');
      yield* putB;
    });
  });

  it('hands an item straight to a waiting getter', () => {
    runVirtual(function* () {
      const q = new Queue<number>();
      const getter = spawn(q.get());
      yield* ticks();
      q.putNowait(1);
      expect(yield* getter).toBe(1);
    });
  });

  it('leaves no putter behind after a timeout', () => {
    runVirtual(function* () {
      const q = new Queue<number>(1);
      q.putNowait(1);
      yield* caught(waitFor(q.put(2), 0.1));
      expect(q._putters.length).toBe(0);
    });
  });

  it('is bound to the first loop it waited on', () => {
    const q = new Queue<number>();
    run(function* () {
      const t = spawn(q.get());
      yield* ticks();
      q.putNowait(1);
      yield* t;
    });
    const error = run(() => caught(q.get()));
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as Error).message).toBe(
      '<Queue maxsize=0 tasks=1> is bound to a different event loop',
    );
  });
});

describe('taskDone and join', () => {
  it('throws RangeError when taskDone() is called too many times', () => {
    const q = new Queue<number>();
    expect(() => q.taskDone()).toThrow(RangeError);
    expect(() => q.taskDone()).toThrow('task_done() called too many times');
  });

  it('join() waits until every item is marked done', () => {
    const total = runVirtual(function* () {
      const q = new Queue<number>();
      let total = 0;
      for (let i = 0; i < 100; i++) q.putNowait(i);
      const worker = function* (): Coroutine<void> {
        for (;;) {
          const item = yield* q.get();
          yield* sleep(0.01);
          total += item;
          q.taskDone();
        }
      };
      const workers = [spawn(worker()), spawn(worker())];
      yield* q.join();
      for (const w of workers) w.cancel();
      return total;
    });
    expect(total).toBe(4950);
  });

  it('join() on a queue with nothing unfinished returns at once', () => {
    runVirtual(function* () {
      const q = new Queue<number>();
      yield* q.join();
      yield* q.join();
    });
  });
});

describe('put() and get() as coroutines', () => {
  it('do nothing until they are run, like a generator', () => {
    const q = new Queue<number>();
    const put = q.put(1);
    expect(q.qsize()).toBe(0);
    expect(put.next()).toEqual({ done: true, value: undefined });
    expect(q.qsize()).toBe(1);
    expect(put.next()).toEqual({ done: true, value: undefined });
    expect(q.qsize()).toBe(1);
    const get = q.get();
    expect(q.qsize()).toBe(1);
    expect(get.next()).toEqual({ done: true, value: 1 });
    expect(q.qsize()).toBe(0);
  });

  it('a call thrown into or returned before it starts does nothing', () => {
    const q = new Queue<number>();
    const put = q.put(1);
    expect(() => put.throw(new RangeError('stop'))).toThrow('stop');
    expect(put.next().done).toBe(true);
    expect(q.qsize()).toBe(0);
    expect(q.get().return(7)).toEqual({ done: true, value: 7 });
  });

  it('can be run as tasks directly', () => {
    runVirtual(function* () {
      const q = new Queue<string>(1);
      const getter = spawn(q.get());
      const putters = [spawn(q.put('a')), spawn(q.put('b'))];
      expect(yield* getter).toBe('a');
      for (const p of putters) yield* p;
      expect(q.getNowait()).toBe('b');
    });
  });
});
