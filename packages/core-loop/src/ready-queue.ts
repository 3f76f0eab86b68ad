/** Something the loop can run from its ready queue: a Handle, or a Task due for a step. */
export interface Runnable {
  /** True when the entry must be skipped instead of run. */
  readonly _cancelled: boolean;
  /** Runs the entry; exceptions are routed to the loop's handler by the entry itself. */
  _run(): void;
}

/**
 * A future's done callback queued without a Handle: the function itself is the entry and the
 * future its argument (`pushCall`). The loop runs it as the Handle would have (loop.runCall).
 */
export type QueuedCall = (argument: never) => unknown;

/**
 * A FIFO of Runnables on a growable ring buffer: O(1) push and shift with no `Array.shift`,
 * the `collections.deque` behind asyncio's `_ready`. A bare done callback takes two slots,
 * the function and then its argument (`pushCall`); `length` counts slots.
 */
export class ReadyQueue {
  private items: unknown[] = new Array(16);
  private head = 0;
  private count = 0;
  private mask = 15;
  /** The argument of the bare callback `shift()` returned last. */
  shiftedArgument: unknown = undefined;

  /** How many slots are taken (an entry takes one, a bare callback two). */
  get length(): number {
    return this.count;
  }

  /** Appends an entry at the tail. */
  push(item: Runnable): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) & this.mask] = item;
    this.count++;
  }

  /**
   * Appends `callback(argument)` at the tail with no Handle: a done callback that nothing can
   * cancel or see. A Handle per done callback was 64 B per task that outlived a scavenge in
   * W1 (every child's callback is queued before any of them runs); issue 24.
   */
  pushCall(callback: QueuedCall, argument: unknown): void {
    if (this.count + 2 > this.items.length) this.grow();
    const items = this.items;
    const tail = this.head + this.count;
    items[tail & this.mask] = callback;
    items[(tail + 1) & this.mask] = argument;
    this.count += 2;
  }

  /**
   * Removes and returns the entry at the head; the caller checks `length` first. A bare
   * callback (a function) leaves two slots, and its argument in `shiftedArgument`.
   */
  shift(): Runnable | QueuedCall {
    const items = this.items;
    const head = this.head;
    const item = items[head] as Runnable | QueuedCall;
    items[head] = undefined;
    if (typeof item === 'function') {
      const next = (head + 1) & this.mask;
      this.shiftedArgument = items[next];
      items[next] = undefined;
      this.head = (head + 2) & this.mask;
      this.count -= 2;
    } else {
      this.head = (head + 1) & this.mask;
      this.count--;
    }
    return item;
  }

  /** Drops every entry. */
  clear(): void {
    this.items = new Array(16);
    this.head = 0;
    this.count = 0;
    this.mask = 15;
    this.shiftedArgument = undefined;
  }

  private grow(): void {
    const old = this.items;
    const size = old.length;
    const next: unknown[] = new Array(size * 2);
    for (let i = 0; i < this.count; i++) next[i] = old[(this.head + i) & this.mask];
    this.items = next;
    this.head = 0;
    this.mask = size * 2 - 1;
  }
}
