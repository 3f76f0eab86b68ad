import type { TimerHandle } from './handle.js';

function before(a: TimerHandle, b: TimerHandle): boolean {
  return a._when < b._when || (a._when === b._when && a._seq < b._seq);
}

/**
 * A binary min-heap of timers ordered by deadline, ties by scheduling order: the `heapq`
 * list behind asyncio's `_scheduled`.
 */
export class TimerHeap {
  /** @internal The heap array; index 0 is the earliest timer. */
  items: TimerHandle[] = [];

  /** How many timers are in the heap (cancelled ones included until they are dropped). */
  get size(): number {
    return this.items.length;
  }

  /** The earliest timer, or undefined when empty. */
  peek(): TimerHandle | undefined {
    return this.items[0];
  }

  /** Adds a timer. */
  push(timer: TimerHandle): void {
    const items = this.items;
    let i = items.length;
    items.push(timer);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as TimerHandle;
      if (!before(timer, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = timer;
  }

  /** Removes and returns the earliest timer; the caller checks `size` first. */
  pop(): TimerHandle {
    const items = this.items;
    const top = items[0] as TimerHandle;
    const last = items.pop() as TimerHandle;
    if (items.length > 0) {
      items[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  /** Keeps only the timers that `keep` accepts and restores the heap order. */
  filter(keep: (timer: TimerHandle) => boolean): void {
    this.items = this.items.filter(keep);
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** Drops every timer. */
  clear(): void {
    this.items = [];
  }

  private siftDown(start: number): void {
    const items = this.items;
    const n = items.length;
    const item = items[start] as TimerHandle;
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && before(items[right] as TimerHandle, items[child] as TimerHandle))
        child = right;
      const c = items[child] as TimerHandle;
      if (!before(c, item)) break;
      items[i] = c;
      i = child;
    }
    items[i] = item;
  }
}
