// The loop's ready queue (a chain of 1,024-slot chunks): FIFO order across chunk boundaries,
// bare callbacks with their argument, lengths counted in slots, reuse after emptying.
import { describe, expect, it } from 'vitest';
import { type QueuedCall, ReadyQueue, type Runnable } from '../src/ready-queue.js';

const entry = (n: number): Runnable => ({ _cancelled: false, _run: () => n });

describe('ReadyQueue', () => {
  it('keeps FIFO order over many chunks with entries and bare callbacks mixed, then empties', () => {
    const queue = new ReadyQueue();
    const model: [Runnable | QueuedCall, unknown][] = [];
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let slots = 0;
    for (let round = 0; round < 20_000; round++) {
      if (random() < 0.55) {
        if (random() < 0.5) {
          const item = entry(round);
          queue.push(item);
          model.push([item, undefined]);
          slots += 1;
        } else {
          const call: QueuedCall = () => round;
          queue.pushCall(call, round);
          model.push([call, round]);
          slots += 2;
        }
      } else if (model.length > 0) {
        const [item, argument] = model.shift() as [Runnable | QueuedCall, unknown];
        expect(queue.shift()).toBe(item);
        if (typeof item === 'function') {
          expect(queue.shiftedArgument).toBe(argument);
          slots -= 2;
        } else slots -= 1;
      }
      expect(queue.length).toBe(slots);
    }
    while (model.length > 0) {
      const [item] = model.shift() as [Runnable | QueuedCall, unknown];
      expect(queue.shift()).toBe(item);
    }
    expect(queue.length).toBe(0);
    const again = entry(-1);
    queue.push(again);
    expect(queue.shift()).toBe(again);
  });

  it('starts the one chunk over when it is used up exactly', () => {
    const queue = new ReadyQueue();
    for (let lap = 0; lap < 3; lap++) {
      const items = Array.from({ length: 1024 }, (_, i) => entry(i));
      for (const item of items) queue.push(item);
      for (const item of items) expect(queue.shift()).toBe(item);
      expect(queue.length).toBe(0);
    }
    queue.clear();
    expect(queue.length).toBe(0);
  });
});
