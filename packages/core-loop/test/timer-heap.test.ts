import { describe, expect, it } from 'vitest';
import type { TimerHandle } from '../src/index.js';
import { TimerHeap } from '../src/timer-heap.js';
import { jumpLoop } from './support.js';

function drain(heap: TimerHeap): number[] {
  const out: number[] = [];
  while (heap.size > 0) out.push(heap.pop()._seq);
  return out;
}

describe('TimerHeap', () => {
  it('pops by deadline, ties in scheduling order', () => {
    const { loop } = jumpLoop();
    const heap = new TimerHeap();
    const whens = [5, 1, 3, 1, 5, 0, 3, 1];
    const timers = whens.map((w) => loop.callAt(w, () => {}));
    for (const t of timers) heap.push(t);
    expect(heap.peek()?.when()).toBe(0);
    const order = drain(heap);
    const expected = [...timers]
      .sort((a, b) => a.when() - b.when() || a._seq - b._seq)
      .map((t) => t._seq);
    expect(order).toEqual(expected);
    expect(heap.peek()).toBe(undefined);
    loop.close();
  });

  it('keeps heap order after filter()', () => {
    const { loop } = jumpLoop();
    const heap = new TimerHeap();
    const timers: TimerHandle[] = [];
    for (let i = 0; i < 200; i++) timers.push(loop.callAt((i * 7919) % 101, () => {}));
    for (const t of timers) heap.push(t);
    heap.filter((t) => t._seq % 3 !== 0);
    expect(heap.size).toBe(timers.filter((t) => t._seq % 3 !== 0).length);
    const order = drain(heap);
    const expected = timers
      .filter((t) => t._seq % 3 !== 0)
      .sort((a, b) => a.when() - b.when() || a._seq - b._seq)
      .map((t) => t._seq);
    expect(order).toEqual(expected);
    loop.close();
  });
});

describe('cancelled timers are compacted (memory shape)', () => {
  it('a million cancelled timers do not stay in the heap', () => {
    const { loop } = jumpLoop();
    const keep = loop.callLater(10_000, () => {});
    loop.callSoon(() => {
      for (let i = 0; i < 1_000_000; i++) loop.callLater(100 + (i % 977), () => {}).cancel();
    });
    loop.callLater(1, () => loop.stop());
    loop.runForever();
    // The iteration after they were cancelled rebuilt the heap (asyncio's >50% rule).
    expect(loop._timers.size).toBe(1);
    expect(loop._timers.peek()).toBe(keep);
    expect(loop._timerCancelledCount).toBe(0);
    loop.close();
  });

  it('stays bounded when timers are made and cancelled on every iteration', () => {
    const { loop } = jumpLoop();
    const live = Array.from({ length: 50 }, (_, i) => loop.callLater(1_000 + i, () => {}));
    let maxSize = 0;
    const task = loop.createTask(
      (function* () {
        for (let round = 0; round < 1_000; round++) {
          maxSize = Math.max(maxSize, loop._timers.size);
          for (let i = 0; i < 300; i++) loop.callLater(10 + i, () => {}).cancel();
          yield;
        }
      })(),
    );
    loop.runUntilComplete(task);
    // 300 000 timers were cancelled; the heap never held more than one round's worth.
    expect(maxSize).toBeLessThanOrEqual(live.length + 300 + 1);
    expect(loop._timers.size).toBeLessThanOrEqual(live.length + 300);
    loop.close();
  });

  it('drops cancelled timers from the top of the heap without a rebuild', () => {
    const { loop } = jumpLoop();
    const early = [loop.callLater(1, () => {}), loop.callLater(2, () => {})];
    const late = loop.callLater(3, () => {});
    for (const t of early) t.cancel();
    expect(loop._timerCancelledCount).toBe(2);
    loop.stop();
    loop.runForever();
    expect(loop._timers.size).toBe(1);
    expect(loop._timers.peek()).toBe(late);
    expect(loop._timerCancelledCount).toBe(0);
    loop.close();
  });
});
