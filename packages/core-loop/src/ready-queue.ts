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

/** Slots per chunk; the slot after the last links to the next chunk. */
const CHUNK = 1024;

/**
 * A FIFO of Runnables in a chain of fixed-size chunks (the `collections.deque` behind
 * asyncio's `_ready`, which is a chain of blocks too): O(1) push and shift, and growing never
 * copies. A ring buffer that doubled copied every entry again at each doubling and took a
 * fresh large array each time (4 MB per run of W1's 100,000 tasks; issue 24). A bare done
 * callback takes two slots, the function and then its argument (`pushCall`); `length`
 * counts slots. One emptied chunk is kept for reuse.
 */
export class ReadyQueue {
  private headChunk: unknown[] = new Array(CHUNK + 1);
  private headIndex = 0;
  private tailChunk: unknown[] = this.headChunk;
  private tailIndex = 0;
  private count = 0;
  private spare: unknown[] | null = null;
  /** The argument of the bare callback `shift()` returned last. */
  shiftedArgument: unknown = undefined;

  /** How many slots are taken (an entry takes one, a bare callback two). */
  get length(): number {
    return this.count;
  }

  /** Appends an entry at the tail. */
  push(item: Runnable): void {
    this.pushSlot(item);
  }

  /**
   * Appends `callback(argument)` at the tail with no Handle: a done callback that nothing can
   * cancel or see. A Handle per done callback was 64 B per task that outlived a scavenge in
   * W1 (every child's callback is queued before any of them runs); issue 24.
   */
  pushCall(callback: QueuedCall, argument: unknown): void {
    this.pushSlot(callback);
    this.pushSlot(argument);
  }

  /**
   * Removes and returns the entry at the head; the caller checks `length` first. A bare
   * callback (a function) leaves two slots, and its argument in `shiftedArgument`.
   */
  shift(): Runnable | QueuedCall {
    const item = this.shiftSlot() as Runnable | QueuedCall;
    if (typeof item === 'function') this.shiftedArgument = this.shiftSlot();
    return item;
  }

  /** Drops every entry. */
  clear(): void {
    this.headChunk = new Array(CHUNK + 1);
    this.tailChunk = this.headChunk;
    this.headIndex = 0;
    this.tailIndex = 0;
    this.count = 0;
    this.spare = null;
    this.shiftedArgument = undefined;
  }

  private pushSlot(value: unknown): void {
    if (this.tailIndex === CHUNK) {
      const next = this.spare ?? new Array(CHUNK + 1);
      this.spare = null;
      this.tailChunk[CHUNK] = next;
      this.tailChunk = next;
      this.tailIndex = 0;
    }
    this.tailChunk[this.tailIndex++] = value;
    this.count++;
  }

  private shiftSlot(): unknown {
    const chunk = this.headChunk;
    const index = this.headIndex;
    const value = chunk[index];
    chunk[index] = undefined;
    this.count--;
    if (index + 1 < CHUNK) this.headIndex = index + 1;
    else if (chunk === this.tailChunk) {
      // The only chunk, used up: start it over.
      this.headIndex = 0;
      this.tailIndex = 0;
    } else {
      this.headChunk = chunk[CHUNK] as unknown[];
      chunk[CHUNK] = undefined;
      this.headIndex = 0;
      this.spare = chunk;
    }
    return value;
  }
}
