import type { Future } from '@asyncio-ts/core-loop';

/**
 * The waiters of a primitive in arrival order: asyncio's `collections.deque` of futures.
 * The waiter woken first is nearly always the one that leaves first, so removal from the
 * front is O(1) (a head index, no `Array.shift`); a cancelled waiter leaves from anywhere.
 */
export class Waiters<T> {
  private items: (Future<T> | undefined)[] = [];
  private head = 0;

  /** How many futures are waiting. */
  get length(): number {
    return this.items.length - this.head;
  }

  /** The `i`-th waiter from the front. */
  at(i: number): Future<T> {
    return this.items[this.head + i] as Future<T>;
  }

  /** Appends a waiter at the back. */
  push(future: Future<T>): void {
    this.items.push(future);
  }

  /** Removes and returns the front waiter (the queue must not be empty). */
  shift(): Future<T> {
    const future = this.items[this.head] as Future<T>;
    this.items[this.head++] = undefined;
    this.compact();
    return future;
  }

  /** Removes `future` wherever it is; false when it is not there (deque.remove's ValueError). */
  remove(future: Future<T>): boolean {
    if (this.items[this.head] === future) {
      this.shift();
      return true;
    }
    const at = this.items.indexOf(future, this.head);
    if (at < 0) return false;
    this.items.splice(at, 1);
    return true;
  }

  /** True when every waiter is cancelled (also when there is none). */
  allCancelled(): boolean {
    for (let i = this.head; i < this.items.length; i++) {
      if (!(this.items[i] as Future<T>).cancelled()) return false;
    }
    return true;
  }

  private compact(): void {
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head > 64 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
