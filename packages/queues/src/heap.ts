/**
 * A binary min-heap that moves items exactly as Python's `heapq.heappush`/`heappop` do (the
 * same sift steps, only `less` asked), so items that compare equal come out in the same order
 * as in asyncio's PriorityQueue.
 */
export class Heap<T> {
  readonly items: T[] = [];

  constructor(private readonly less: (a: T, b: T) => boolean) {}

  /** heapq.heappush. */
  push(item: T): void {
    this.items.push(item);
    this.siftTowardRoot(0, this.items.length - 1);
  }

  /** heapq.heappop (the heap must not be empty). */
  pop(): T {
    const items = this.items;
    const last = items.pop() as T;
    if (items.length === 0) return last;
    const top = items[0] as T;
    items[0] = last;
    this.siftToLeaf(0);
    return top;
  }

  /** Moves the item at `pos` up while it is smaller than its parent (heapq's `_siftdown`). */
  private siftTowardRoot(start: number, pos: number): void {
    const items = this.items;
    const item = items[pos] as T;
    while (pos > start) {
      const parentPos = (pos - 1) >> 1;
      const parent = items[parentPos] as T;
      if (!this.less(item, parent)) break;
      items[pos] = parent;
      pos = parentPos;
    }
    items[pos] = item;
  }

  /**
   * heapq's `_siftup`: walks the smaller child up all the way to a leaf, puts the item there,
   * then lets it rise back (fewer comparisons than stopping early, and Python's tie order).
   */
  private siftToLeaf(pos: number): void {
    const items = this.items;
    const end = items.length;
    const start = pos;
    const item = items[pos] as T;
    let child = 2 * pos + 1;
    while (child < end) {
      const right = child + 1;
      if (right < end && !this.less(items[child] as T, items[right] as T)) child = right;
      items[pos] = items[child] as T;
      pos = child;
      child = 2 * pos + 1;
    }
    items[pos] = item;
    this.siftTowardRoot(start, pos);
  }
}
