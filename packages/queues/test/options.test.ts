import { PriorityQueue } from '@asyncio-ts/queues';
import { afterEach, describe, expect, it } from 'vitest';

const proto = Object.prototype as Record<string, unknown>;

describe('options are read as own properties only', () => {
  afterEach(() => {
    delete proto.compare;
  });

  it('PriorityQueue ignores Object.prototype.compare', () => {
    proto.compare = (a: number, b: number) => b - a;
    const queue = new PriorityQueue<number>(0, {});
    for (const n of [2, 1, 3]) queue.putNowait(n);
    expect([queue.getNowait(), queue.getNowait(), queue.getNowait()]).toEqual([1, 2, 3]);
  });
});
