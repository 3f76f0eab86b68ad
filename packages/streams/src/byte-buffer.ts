/**
 * A growable byte buffer with a read offset: asyncio's `bytearray` buffer of a StreamReader.
 * Appending and consuming from the front are amortised O(1), so a reader fed many small
 * chunks never copies its whole buffer per chunk.
 */
const EMPTY: Uint8Array = new Uint8Array(0);

export class ByteBuffer {
  private data: Uint8Array = EMPTY;
  private start = 0;
  private end = 0;
  /** True while `data` is a chunk handed over by `adopt` (never written into). */
  private adopted = false;

  /** The number of bytes held. */
  get length(): number {
    return this.end - this.start;
  }

  /** Appends a copy of `chunk`. */
  append(chunk: Uint8Array): void {
    const size = chunk.length;
    if (size === 0) return;
    if (this.end + size > this.data.length) this.makeRoom(size);
    this.data.set(chunk, this.end);
    this.end += size;
  }

  /**
   * Appends `chunk`, taking it over when the buffer is empty (no copy): the caller must not
   * touch it afterwards. Transports hand over the chunks they receive this way.
   */
  adopt(chunk: Uint8Array): void {
    if (this.end !== this.start || chunk.length === 0) {
      this.append(chunk);
      return;
    }
    this.data = chunk;
    this.start = 0;
    this.end = chunk.length;
    this.adopted = true;
  }

  private makeRoom(size: number): void {
    const held = this.end - this.start;
    if (!this.adopted && held + size <= this.data.length && this.start >= held) {
      this.data.copyWithin(0, this.start, this.end);
    } else {
      const grown = new Uint8Array(Math.max(held + size, this.data.length * 2, 4096));
      grown.set(this.data.subarray(this.start, this.end));
      this.data = grown;
    }
    this.start = 0;
    this.end = held;
    this.adopted = false;
  }

  /** Removes and returns (as a new array) the first `n` bytes, or all when fewer are held. */
  take(n: number): Uint8Array {
    const count = Math.min(n, this.end - this.start);
    if (this.adopted && count === this.end - this.start) {
      // The whole of an adopted chunk: hand it on instead of copying it (itself, when
      // nothing of it was consumed yet: not even a new view).
      const data = this.data;
      const whole =
        this.start === 0 && this.end === data.length ? data : data.subarray(this.start, this.end);
      this.clear();
      return whole;
    }
    const out = this.data.slice(this.start, this.start + count);
    this.start += count;
    if (this.start === this.end) this.clear();
    return out;
  }

  /** Drops the first `n` bytes. */
  drop(n: number): void {
    this.start = Math.min(this.start + n, this.end);
    if (this.start === this.end) this.clear();
  }

  /** Empties the buffer. */
  clear(): void {
    this.start = 0;
    this.end = 0;
    if (this.adopted) {
      this.data = EMPTY;
      this.adopted = false;
    }
  }

  /** Index (from the front) of the first `separator` at or after `offset`, or -1. */
  indexOf(separator: Uint8Array, offset: number): number {
    const view = this.data.subarray(this.start, this.end);
    if (separator.length === 1) return view.indexOf(separator[0] as number, offset);
    const first = separator[0] as number;
    const last = view.length - separator.length;
    for (
      let i = view.indexOf(first, offset);
      i !== -1 && i <= last;
      i = view.indexOf(first, i + 1)
    ) {
      let j = 1;
      while (j < separator.length && view[i + j] === separator[j]) j++;
      if (j === separator.length) return i;
    }
    return -1;
  }

  /** Whether the bytes at `offset` are `prefix`. */
  startsWith(prefix: Uint8Array, offset: number): boolean {
    if (offset + prefix.length > this.length) return false;
    for (let j = 0; j < prefix.length; j++) {
      if (this.data[this.start + offset + j] !== prefix[j]) return false;
    }
    return true;
  }
}
