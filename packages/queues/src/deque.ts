/**
 * A double-ended queue on a growable ring buffer: `collections.deque` for the queue's items
 * and its waiting futures. push/shift/pop are O(1) with no `Array.shift`; `remove` (a cancelled
 * waiter leaving) is O(n), as deque.remove is.
 */
export class Deque<T> {
  private buffer: (T | undefined)[] = new Array(8);
  private head = 0;
  private size = 0;

  /** How many items it holds. */
  get length(): number {
    return this.size;
  }

  /** Appends at the back (deque.append). */
  push(item: T): void {
    if (this.size === this.buffer.length) this.grow();
    this.buffer[(this.head + this.size) & (this.buffer.length - 1)] = item;
    this.size++;
  }

  /** Removes and returns the front item (deque.popleft); the deque must not be empty. */
  shift(): T {
    const item = this.buffer[this.head] as T;
    this.buffer[this.head] = undefined;
    this.head = (this.head + 1) & (this.buffer.length - 1);
    this.size--;
    return item;
  }

  /** Removes and returns the back item (list.pop); the deque must not be empty. */
  pop(): T {
    this.size--;
    const at = (this.head + this.size) & (this.buffer.length - 1);
    const item = this.buffer[at] as T;
    this.buffer[at] = undefined;
    return item;
  }

  /** The `i`-th item from the front. */
  at(i: number): T {
    return this.buffer[(this.head + i) & (this.buffer.length - 1)] as T;
  }

  /** Removes the first occurrence of `item`; false when absent (deque.remove's ValueError). */
  remove(item: T): boolean {
    const mask = this.buffer.length - 1;
    for (let i = 0; i < this.size; i++) {
      if (this.buffer[(this.head + i) & mask] === item) {
        for (let j = i; j < this.size - 1; j++) {
          this.buffer[(this.head + j) & mask] = this.buffer[(this.head + j + 1) & mask];
        }
        this.pop();
        return true;
      }
    }
    return false;
  }

  /** The items, front to back. */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.size; i++) out.push(this.at(i));
    return out;
  }

  private grow(): void {
    const old = this.buffer;
    const next: (T | undefined)[] = new Array(old.length * 2);
    for (let i = 0; i < this.size; i++) next[i] = old[(this.head + i) & (old.length - 1)];
    this.buffer = next;
    this.head = 0;
  }
}
