import { Queue, type QueueStore } from './queue.js';

/** The stack store of `LifoQueue`. */
class StackStore<T> implements QueueStore<T> {
  private readonly items: T[] = [];
  get length(): number {
    return this.items.length;
  }
  push(item: T): void {
    this.items.push(item);
  }
  take(): T {
    return this.items.pop() as T;
  }
  toArray(): T[] {
    return [...this.items];
  }
}

/**
 * asyncio.LifoQueue: `get()` takes the item put last.
 *
 * @example
 * const stack = new LifoQueue<number>();
 * stack.putNowait(1);
 * stack.putNowait(2);
 * stack.getNowait(); // 2
 */
export class LifoQueue<T> extends Queue<T> {
  /** A LIFO queue of at most `maxsize` items (`<= 0`: no limit). */
  constructor(maxsize = 0) {
    super(maxsize);
    this._store = new StackStore<T>();
  }
}
