/** The same program in a blocking run(), in runAsync(), and nested runs after apply(). */
import { type Coroutine, run } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { LifoQueue, PriorityQueue, Queue } from '@asyncio-ts/queues';
import { VirtualClock } from '@asyncio-ts/timers';
import { afterEach, describe, expect, it } from 'vitest';
import { itRunsInEveryMode, sleep, spawn } from '../../locks/test/support.js';

afterEach(() => revert());

function* scenario(): Coroutine<string[]> {
  const trace: string[] = [];
  const q = new Queue<string>(2);
  const producer = function* (name: string, n: number): Coroutine<void> {
    for (let i = 0; i < n; i++) {
      yield* q.put(`${name}${i}`);
      trace.push(`put ${name}${i} qsize=${q.qsize()}`);
    }
  };
  const consumer = function* (name: string): Coroutine<void> {
    for (;;) {
      const item = yield* q.get();
      trace.push(`${name} got ${item}`);
      yield* sleep(0.01);
      q.taskDone();
    }
  };
  const producers = ['a', 'b'].map((n) => spawn(producer(n, 3)));
  const consumers = ['x', 'y'].map((n) => spawn(consumer(n)));
  for (const p of producers) yield* p;
  yield* q.join();
  trace.push('joined');
  for (const c of consumers) c.cancel();
  const pq = new PriorityQueue<[number, string]>();
  const lq = new LifoQueue<number>();
  for (const item of [
    [2, 'b'],
    [1, 'a'],
    [3, 'c'],
  ] as [number, string][])
    pq.putNowait(item);
  for (const item of [1, 2, 3]) lq.putNowait(item);
  const p = [1, 2, 3].map(() => `'${pq.getNowait()[1]}'`).join(', ');
  const l = [1, 2, 3].map(() => lq.getNowait()).join(', ');
  trace.push(`pq [${p}] lq [${l}]`);
  return trace;
}

// CPython 3.11 prints exactly this for the same program (checked with python3).
const expected = [
  'put a0 qsize=1',
  'put a1 qsize=2',
  'x got a0',
  'y got a1',
  'put a2 qsize=1',
  'put b0 qsize=2',
  'x got a2',
  'y got b0',
  'put b1 qsize=1',
  'put b2 qsize=2',
  'x got b1',
  'y got b2',
  'joined',
  "pq ['a', 'b', 'c'] lq [3, 2, 1]",
];

describe('queues in every kind of run', () => {
  itRunsInEveryMode(scenario, expected);

  it('a nested run() feeds a consumer of the outer run through the same queue', () => {
    apply();
    const got = run(
      function* () {
        const q = new Queue<number>(1);
        const got: number[] = [];
        const consumer = spawn(
          (function* () {
            for (;;) got.push(yield* q.get());
          })(),
        );
        yield* sleep(0.01);
        run(
          (function* () {
            for (let i = 0; i < 3; i++) yield* q.put(i);
            yield* sleep(0.01);
          })(),
        );
        consumer.cancel();
        return got;
      },
      { clock: new VirtualClock() },
    );
    expect(got).toEqual([0, 1, 2]);
  });
});
