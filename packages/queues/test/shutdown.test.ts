/**
 * Queue.shutdown() and QueueShutDown, beyond 3.11: the expectations follow Python 3.13's
 * documented behaviour (python3 here is 3.11, which has no shutdown to compare with).
 */
import type { Coroutine } from '@asyncio-ts/core-loop';
import { consume, LifoQueue, PriorityQueue, Queue, QueueShutDown } from '@asyncio-ts/queues';
import { describe, expect, it } from 'vitest';
import { caught, runVirtual, sleep, spawn, ticks } from '../../locks/test/support.js';

describe('Queue.shutdown() (Python 3.13)', () => {
  it('makes put() and putNowait() throw QueueShutDown', () => {
    runVirtual(function* () {
      const q = new Queue<number>();
      q.shutdown();
      expect(() => q.putNowait(1)).toThrow(QueueShutDown);
      expect(yield* caught(q.put(1))).toBeInstanceOf(QueueShutDown);
      expect(String(q)).toBe('<Queue maxsize=0 shutdown>');
    });
  });

  it('lets get() drain the items left, then throws QueueShutDown', () => {
    runVirtual(function* () {
      const q = new Queue<number>();
      q.putNowait(1);
      q.putNowait(2);
      q.shutdown();
      expect(yield* q.get()).toBe(1);
      expect(q.getNowait()).toBe(2);
      expect(() => q.getNowait()).toThrow(QueueShutDown);
      expect(yield* caught(q.get())).toBeInstanceOf(QueueShutDown);
    });
  });

  it('wakes every blocked getter and putter with QueueShutDown', () => {
    runVirtual(function* () {
      const empty = new Queue<number>();
      const getters = [spawn(caught(empty.get())), spawn(caught(empty.get()))];
      const full = new Queue<number>(1);
      full.putNowait(0);
      const putters = [spawn(caught(full.put(1))), spawn(caught(full.put(2)))];
      yield* ticks();
      empty.shutdown();
      full.shutdown();
      for (const t of [...getters, ...putters]) expect(yield* t).toBeInstanceOf(QueueShutDown);
      expect(full.getNowait()).toBe(0);
    });
  });

  it('immediate: drops the items left, get() throws at once, and join() returns', () => {
    const events = runVirtual(function* () {
      const q = new Queue<number>();
      const events: string[] = [];
      for (let i = 0; i < 3; i++) q.putNowait(i);
      const joiner = spawn(
        (function* () {
          yield* q.join();
          events.push('join returned');
        })(),
      );
      yield* ticks();
      q.shutdown(true);
      expect(q.qsize()).toBe(0);
      expect(yield* caught(q.get())).toBeInstanceOf(QueueShutDown);
      yield* joiner;
      expect(() => q.taskDone()).toThrow('task_done() called too many times');
      return events;
    });
    expect(events).toEqual(['join returned']);
  });

  it('immediate: items already taken still need taskDone() before join() returns', () => {
    const events = runVirtual(function* () {
      const q = new Queue<string>();
      const events: string[] = [];
      for (const s of ['a', 'b', 'c']) q.putNowait(s);
      const taken = yield* q.get();
      const joiner = spawn(
        (function* () {
          yield* q.join();
          events.push('joined');
        })(),
      );
      q.shutdown(true);
      yield* sleep(1);
      events.push(`still waiting for ${taken}`);
      q.taskDone();
      yield* joiner;
      return events;
    });
    expect(events).toEqual(['still waiting for a', 'joined']);
  });

  it('works the same on PriorityQueue and LifoQueue', () => {
    for (const q of [new PriorityQueue<number>(), new LifoQueue<number>()]) {
      q.putNowait(1);
      q.shutdown(true);
      expect(() => q.getNowait()).toThrow(QueueShutDown);
    }
  });

  it('rejects a non-boolean immediate', () => {
    expect(() => new Queue().shutdown(1 as unknown as boolean)).toThrow(
      'shutdown(immediate): immediate must be a boolean, got number',
    );
  });
});

describe('consume(queue, body) — consuming until shut down', () => {
  it('hands every item to the body with its type, marks it done, and ends at shutdown', () => {
    const log = runVirtual(function* () {
      const q = new Queue<{ id: number }>(2);
      const log: string[] = [];
      const worker = (name: string) =>
        spawn(
          consume(q, function* (job) {
            yield* sleep(0.01);
            log.push(`${name} ${job.id}`);
          }),
        );
      const a = worker('a');
      const b = worker('b');
      for (let id = 1; id <= 5; id++) yield* q.put({ id });
      yield* q.join();
      q.shutdown();
      log.push(`handled ${yield* a} + ${yield* b}`);
      return log;
    });
    expect(log).toEqual(['a 1', 'b 2', 'a 3', 'b 4', 'a 5', 'handled 3 + 2']);
  });

  it('drains what is left after shutdown() before it returns', () => {
    const seen = runVirtual(function* () {
      const q = new Queue<number>();
      for (let i = 0; i < 3; i++) q.putNowait(i);
      q.shutdown();
      const seen: number[] = [];
      const n = yield* consume(q, function* (i): Coroutine<void> {
        seen.push(i);
      });
      seen.push(n);
      return seen;
    });
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('marks the item done and re-throws when the body throws', () => {
    runVirtual(function* () {
      const q = new Queue<number>();
      q.putNowait(1);
      const error = yield* caught(
        consume(q, function* () {
          throw new RangeError('bad item');
        }),
      );
      expect((error as Error).message).toBe('bad item');
      yield* q.join(); // would wait forever without the taskDone()
    });
  });

  it('rejects a body that is not a function', () => {
    expect(() => consume(new Queue(), null as unknown as () => Coroutine<void>)).toThrow(
      'consume(queue, body): body must be a generator function, got object',
    );
  });
});
