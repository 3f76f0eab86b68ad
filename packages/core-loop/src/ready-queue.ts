/** Something the loop can run from its ready queue: a Handle, or a Task due for a step. */
export interface Runnable {
  /** True when the entry must be skipped instead of run. */
  readonly _cancelled: boolean;
  /** Runs the entry; exceptions are routed to the loop's handler by the entry itself. */
  _run(): void;
}

/**
 * A FIFO of Runnables on a growable ring buffer: O(1) push and shift with no `Array.shift`,
 * the `collections.deque` behind asyncio's `_ready`.
 */
export class ReadyQueue {
  private items: (Runnable | undefined)[] = new Array(16);
  private head = 0;
  private count = 0;
  private mask = 15;

  /** How many entries are waiting. */
  get length(): number {
    return this.count;
  }

  /** Appends an entry at the tail. */
  push(item: Runnable): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) & this.mask] = item;
    this.count++;
  }

  /** Removes and returns the entry at the head; the caller checks `length` first. */
  shift(): Runnable {
    const item = this.items[this.head] as Runnable;
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.count--;
    return item;
  }

  /** Drops every entry. */
  clear(): void {
    this.items = new Array(16);
    this.head = 0;
    this.count = 0;
    this.mask = 15;
  }

  private grow(): void {
    const old = this.items;
    const size = old.length;
    const next: (Runnable | undefined)[] = new Array(size * 2);
    for (let i = 0; i < size; i++) next[i] = old[(this.head + i) & this.mask];
    this.items = next;
    this.head = 0;
    this.mask = size * 2 - 1;
  }
}
