import { LifoQueue, PriorityQueue } from '@asyncio-ts/queues';
import { describe, expect, it } from 'vitest';
import { runVirtual, spawn, ticks } from '../../locks/test/support.js';

describe('LifoQueue', () => {
  it('gives the last item put first', () => {
    const q = new LifoQueue<number>();
    for (const i of [1, 3, 2]) q.putNowait(i);
    expect([q.getNowait(), q.getNowait(), q.getNowait()]).toEqual([2, 3, 1]);
    expect(String(new LifoQueue(2))).toBe('<LifoQueue maxsize=2>');
  });
});

describe('PriorityQueue', () => {
  it('gives the smallest number first', () => {
    const q = new PriorityQueue<number>();
    for (const i of [1, 3, 2]) q.putNowait(i);
    expect([q.getNowait(), q.getNowait(), q.getNowait()]).toEqual([1, 2, 3]);
  });

  it('compares strings, and arrays element by element like tuples', () => {
    const words = new PriorityQueue<string>();
    for (const w of ['pear', 'apple', 'Zebra', 'apple pie']) words.putNowait(w);
    expect([1, 2, 3, 4].map(() => words.getNowait())).toEqual([
      'Zebra',
      'apple',
      'apple pie',
      'pear',
    ]);
    const jobs = new PriorityQueue<[number, number, string] | [number]>();
    jobs.putNowait([2, 0, 'b']);
    jobs.putNowait([1, 1, 'a2']);
    jobs.putNowait([1, 0, 'a1']);
    jobs.putNowait([1]);
    expect([1, 2, 3, 4].map(() => jobs.getNowait())).toEqual([
      [1],
      [1, 0, 'a1'],
      [1, 1, 'a2'],
      [2, 0, 'b'],
    ]);
  });

  it('counts booleans and bigints as numbers, as Python counts bools as ints', () => {
    const q = new PriorityQueue<number | bigint | boolean>();
    for (const v of [2n, true, 0.5, false]) q.putNowait(v);
    expect([1, 2, 3, 4].map(() => q.getNowait())).toEqual([false, 0.5, true, 2n]);
  });

  it('reaches the payload only when priorities tie, and then needs it comparable', () => {
    const q = new PriorityQueue<[number, object]>();
    q.putNowait([1, { job: 'a' }]);
    q.putNowait([2, { job: 'b' }]);
    expect(() => q.putNowait([1, { job: 'c' }])).toThrow(
      new TypeError("'<' not supported between instances of 'dict' and 'dict'"),
    );
  });

  it('names the types Python would name when items cannot be compared', () => {
    const q = new PriorityQueue<unknown>();
    q.putNowait(1);
    expect(() => q.putNowait('a')).toThrow(
      "'<' not supported between instances of 'str' and 'int'",
    );
    const r = new PriorityQueue<unknown>();
    r.putNowait(null);
    expect(() => r.putNowait(new Map())).toThrow(
      "'<' not supported between instances of 'Map' and 'NoneType'",
    );
  });

  it('takes an explicit compare', () => {
    const q = new PriorityQueue<{ due: number }>(0, { compare: (a, b) => b.due - a.due });
    for (const due of [1, 3, 2]) q.putNowait({ due });
    expect([1, 2, 3].map(() => q.getNowait().due)).toEqual([3, 2, 1]);
    expect(() => new PriorityQueue(0, { compare: 1 as unknown as () => number })).toThrow(
      'PriorityQueue(maxsize, { compare }): compare must be a function, got number',
    );
  });

  it('orders equal items as heapq does', () => {
    // Ties are decided by position in the heap, exactly as CPython's heapq moves items.
    const q = new PriorityQueue<[number, string]>(0, { compare: (a, b) => a[0] - b[0] });
    for (const [i, p] of [3, 1, 1, 2, 1, 3, 2, 1].entries()) q.putNowait([p, String(i)]);
    const order = Array.from({ length: 8 }, () => q.getNowait()[1]).join(' ');
    expect(order).toBe('1 2 4 7 6 3 0 5'); // CPython's heapq, same keys
  });

  it('blocks get() while empty, like any queue', () => {
    runVirtual(function* () {
      const q = new PriorityQueue<number>(2);
      const getter = spawn(q.get());
      yield* ticks();
      yield* q.put(5);
      expect(yield* getter).toBe(5);
    });
  });
});
