import { pythonLess } from './compare.js';
import { Heap } from './heap.js';
import { Queue, type QueueStore } from './queue.js';

/** Options of `new PriorityQueue()`. */
export interface PriorityQueueOptions<T> {
  /**
   * Orders items instead of Python's `<`: negative when `a` comes before `b` (the shape of
   * `Array.prototype.sort`'s comparator).
   */
  compare?: (a: T, b: T) => number;
}

/** The heap store of `PriorityQueue`. */
class HeapStore<T> implements QueueStore<T> {
  private readonly heap: Heap<T>;
  constructor(less: (a: T, b: T) => boolean) {
    this.heap = new Heap(less);
  }
  get length(): number {
    return this.heap.items.length;
  }
  push(item: T): void {
    this.heap.push(item);
  }
  take(): T {
    return this.heap.pop();
  }
  toArray(): T[] {
    return [...this.heap.items];
  }
}

/**
 * asyncio.PriorityQueue: `get()` takes the smallest item first. Items are compared as Python
 * compares them — numbers, strings, and arrays element by element like tuples, so
 * `[priority, seq, item]` works — or with `options.compare`. Items that cannot be compared throw
 * Python's TypeError (`'<' not supported between instances of 'dict' and 'dict'`) from `put`.
 *
 * @example
 * const jobs = new PriorityQueue<[number, string]>();
 * yield* jobs.put([2, 'later']);
 * yield* jobs.put([1, 'first']);
 * yield* jobs.get(); // [1, 'first']
 */
export class PriorityQueue<T> extends Queue<T> {
  /** A priority queue of at most `maxsize` items (`<= 0`: no limit). */
  constructor(maxsize = 0, options?: PriorityQueueOptions<T>) {
    super(maxsize);
    // An own property only: Object.prototype.compare must not change the order.
    const compare =
      options !== undefined && Object.hasOwn(options, 'compare') ? options.compare : undefined;
    if (compare !== undefined && typeof compare !== 'function') {
      throw new TypeError(
        `PriorityQueue(maxsize, { compare }): compare must be a function, got ${typeof compare}`,
      );
    }
    this._store = new HeapStore<T>(
      compare === undefined ? pythonLess : (a: T, b: T) => compare(a, b) < 0,
    );
  }
}
