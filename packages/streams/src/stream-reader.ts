import {
  type Coroutine,
  type EventLoop,
  type Future,
  getRunningLoop,
  RuntimeError,
  type Yielded,
} from '@asyncio-ts/core-loop';
import { blockOn } from '@asyncio-ts/core-loop/internal';
import { ByteBuffer } from './byte-buffer.js';
import { IncompleteReadError, LimitOverrunError } from './errors.js';
import { DONE, FINISHED, NOT_STARTED, SmallCoroutine } from './small-coroutine.js';
import type { Transport } from './transport.js';

/** asyncio's `_DEFAULT_LIMIT`: 64 KiB. */
export const DEFAULT_LIMIT = 2 ** 16;

const EMPTY = new Uint8Array(0);
/** ReadCoroutine's state while its task waits for data. */
const WAITING = 1;
const NEWLINE = new Uint8Array([10]);

/** Options for `new StreamReader()`. */
export interface StreamReaderOptions {
  /** The buffer limit for `readline`/`readUntil` (default 64 KiB). */
  limit?: number;
  /** The loop it belongs to (default: the running loop). */
  loop?: EventLoop;
}

/** Checks a stream `limit` the way asyncio does (`ValueError('Limit cannot be <= 0')`). */
export function checkLimit(limit: unknown): number {
  if (typeof limit !== 'number' || Number.isNaN(limit)) {
    throw new TypeError(`limit must be a number, got ${String(limit)}`);
  }
  if (limit <= 0) throw new RangeError('Limit cannot be <= 0');
  return limit;
}

function checkCount(n: unknown, what: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new TypeError(`${what} must be an integer, got ${String(n)}`);
  }
  return n;
}

function asBytes(value: unknown, what: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new TypeError(`${what} must be a Uint8Array, got ${typeof value}`);
}

/**
 * asyncio.StreamReader: bytes received from a transport, read with `read`, `readline`,
 * `readExactly` and `readUntil`. Reading pauses the transport while more than twice `limit`
 * bytes are buffered.
 */
export class StreamReader {
  private readonly limit: number;
  private readonly loop: EventLoop;
  private readonly buffer = new ByteBuffer();
  private eof = false;
  private waiter: Future<void> | null = null;
  private failure: Error | null = null;
  private transport: Transport | null = null;
  private paused = false;

  constructor(options: StreamReaderOptions = {}) {
    this.limit = checkLimit(options.limit ?? DEFAULT_LIMIT);
    this.loop = options.loop ?? getRunningLoop();
  }

  /** The error the stream failed with, or null. */
  exception(): Error | null {
    return this.failure;
  }

  /** Fails the stream: pending and later reads throw `error`. */
  setException(error: Error): void {
    this.failure = error;
    const waiter = this.waiter;
    if (waiter !== null) {
      this.waiter = null;
      if (!waiter.cancelled()) waiter.setException(error);
    }
  }

  private wakeupWaiter(): void {
    const waiter = this.waiter;
    if (waiter !== null) {
      this.waiter = null;
      if (!waiter.cancelled()) waiter.setResult(undefined);
    }
  }

  /** Attaches the transport that feeds this reader (once). */
  setTransport(transport: Transport): void {
    if (this.transport !== null) throw new RuntimeError('Transport already set');
    this.transport = transport;
  }

  private maybeResumeTransport(): void {
    if (this.paused && this.buffer.length <= this.limit) {
      this.paused = false;
      this.transport?.resumeReading();
    }
  }

  /** Marks the end of the data: reads return what is left, then nothing. */
  feedEof(): void {
    this.eof = true;
    this.wakeupWaiter();
  }

  /** True when EOF was fed and the buffer is empty. */
  atEof(): boolean {
    return this.eof && this.buffer.length === 0;
  }

  /** Adds received bytes (copied) and wakes a waiting read. */
  feedData(data: Uint8Array): void {
    this.feed(data, false);
  }

  /** @internal `feedData` for a transport's own chunk, taken over without a copy. */
  _feedOwned(data: Uint8Array): void {
    this.feed(data, true);
  }

  private feed(data: Uint8Array, owned: boolean): void {
    if (this.eof) throw new RuntimeError('feedData after feedEof');
    if (data.length === 0) return;
    if (owned) this.buffer.adopt(data);
    else this.buffer.append(data);
    this.wakeupWaiter();
    if (this.transport !== null && !this.paused && this.buffer.length > 2 * this.limit) {
      this.transport.pauseReading();
      this.paused = true;
    }
  }

  /**
   * The future a read waits on until data or EOF arrives (asyncio's `_wait_for_data`), marked
   * awaited (`blockOn`): reads `yield` it to their task, which parks on it and resumes them
   * (or throws its exception or CancelledError into them), as `yield*` would, without its
   * iterator and result objects. Not a generator, to keep reads light: a waiter left behind
   * by a cancelled read is done, and is simply replaced here instead of being cleared in a
   * `finally`.
   */
  private waitForData(funcName: string): Future<void> {
    const pending = this.waiter;
    if (pending !== null && !pending.done()) {
      throw new RuntimeError(
        `${funcName}() called while another coroutine is already waiting for incoming data`,
      );
    }
    if (this.paused) {
      this.paused = false;
      this.transport?.resumeReading();
    }
    const waiter = this.loop.createFuture<void>();
    this.waiter = waiter;
    return blockOn(waiter);
  }

  /**
   * Reads one line ending in `\n` (included). At EOF returns the partial line, or an empty
   * array. A line longer than `limit` throws `RangeError` after dropping it (asyncio's
   * ValueError), or dropping the whole buffer when its end was not found.
   */
  *readline(): Coroutine<Uint8Array> {
    try {
      return yield* this.readUntil(NEWLINE);
    } catch (error) {
      if (error instanceof IncompleteReadError) return error.partial;
      if (error instanceof LimitOverrunError) {
        if (this.buffer.startsWith(NEWLINE, error.consumed)) {
          this.buffer.drop(error.consumed + NEWLINE.length);
        } else {
          this.buffer.clear();
        }
        this.maybeResumeTransport();
        throw new RangeError(error.message, { cause: error });
      }
      throw error;
    }
  }

  /**
   * Reads up to and including `separator`. At EOF first throws `IncompleteReadError` with
   * what was buffered; past `limit` throws `LimitOverrunError` and leaves the data buffered.
   */
  *readUntil(separator: Uint8Array = NEWLINE): Coroutine<Uint8Array> {
    const sep = asBytes(separator, 'separator');
    const seplen = sep.length;
    if (seplen === 0) throw new RangeError('Separator should be at least one-byte string');
    if (this.failure !== null) throw this.failure;
    let offset = 0;
    let isep: number;
    for (;;) {
      const buflen = this.buffer.length;
      if (buflen - offset >= seplen) {
        isep = this.buffer.indexOf(sep, offset);
        if (isep !== -1) break;
        offset = buflen + 1 - seplen;
        if (offset > this.limit) {
          throw new LimitOverrunError('Separator is not found, and chunk exceed the limit', offset);
        }
      }
      if (this.eof) {
        const chunk = this.buffer.take(this.buffer.length);
        throw new IncompleteReadError(chunk, null);
      }
      yield this.waitForData('readuntil');
    }
    if (isep > this.limit) {
      throw new LimitOverrunError('Separator is found, but chunk is longer than limit', isep);
    }
    const chunk = this.buffer.take(isep + seplen);
    this.maybeResumeTransport();
    return chunk;
  }

  /**
   * Reads up to `n` bytes (`n < 0`: until EOF). Returns as soon as any bytes are buffered; an
   * empty array means EOF.
   */
  read(n = -1): Coroutine<Uint8Array> {
    // `read(n)` runs once per message: a small object, not a generator (see ReadCoroutine).
    if (typeof n === 'number' && n < 0) return this.readAll(n);
    return new ReadCoroutine(this, n, false) as unknown as Coroutine<Uint8Array>;
  }

  /** `read(-1)`: blocks of up to `limit` until EOF, joined. */
  private *readAll(n: number): Coroutine<Uint8Array> {
    checkCount(n, 'n');
    if (this.failure !== null) throw this.failure;
    const blocks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const block = yield* this.read(this.limit);
      if (block.length === 0) break;
      blocks.push(block);
      total += block.length;
    }
    if (blocks.length === 1) return blocks[0] as Uint8Array;
    const all = new Uint8Array(total);
    let at = 0;
    for (const block of blocks) {
      all.set(block, at);
      at += block.length;
    }
    return all;
  }

  /**
   * Reads exactly `n` bytes; EOF first throws `IncompleteReadError` with what was read
   * (the buffer is emptied).
   */
  readExactly(n: number): Coroutine<Uint8Array> {
    return new ReadCoroutine(this, n, true) as unknown as Coroutine<Uint8Array>;
  }

  /**
   * @internal One step of `read(n)` (n >= 0) or `readExactly(n)`: the bytes read, or null
   * when it must wait for data. `first`: the step before any wait, which checks the
   * arguments. Throws what they throw.
   */
  _readStep(n: number, exactly: boolean, first: boolean): Uint8Array | null {
    const buffer = this.buffer;
    if (first) {
      checkCount(n, 'n');
      if (exactly && n < 0) throw new RangeError('readexactly size can not be less than zero');
      if (this.failure !== null) throw this.failure;
      if (n === 0) return EMPTY;
      if (!exactly && buffer.length === 0 && !this.eof) return null;
    }
    // After a wait, read(n) takes what is there (nothing at EOF); readExactly checks again.
    if (exactly && buffer.length < n) {
      if (this.eof) throw new IncompleteReadError(buffer.take(buffer.length), n);
      return null;
    }
    const data = buffer.take(n);
    this.maybeResumeTransport();
    return data;
  }

  /** @internal `waitForData` for ReadCoroutine. */
  _waitForData(funcName: string): Future<void> {
    return this.waitForData(funcName);
  }

  /** Like asyncio's repr: `<StreamReader 12 bytes eof>`. */
  toString(): string {
    const info = ['StreamReader'];
    if (this.buffer.length > 0) info.push(`${this.buffer.length} bytes`);
    if (this.eof) info.push('eof');
    if (this.limit !== DEFAULT_LIMIT) info.push(`limit=${this.limit}`);
    if (this.waiter !== null) info.push(`waiter=${this.waiter}`);
    if (this.failure !== null) info.push(`exception=${this.failure}`);
    if (this.paused) info.push('paused');
    return `<${info.join(' ')}>`;
  }
}

/**
 * The coroutine of `read(n)` (n >= 0) and `readExactly(n)`, as a small object that acts as
 * their generator would (`yield waitForData()` until the bytes are there): reads run once per
 * message, and a generator object with its frame cost ~170 B each (two per round trip in S1).
 */
class ReadCoroutine extends SmallCoroutine<Uint8Array> {
  constructor(
    private readonly reader: StreamReader,
    private readonly n: number,
    private readonly exactly: boolean,
  ) {
    super();
  }

  next(): IteratorResult<Yielded, Uint8Array> {
    const state = this.state;
    if (state === DONE) return FINISHED as unknown as IteratorResult<Yielded, Uint8Array>;
    this.state = DONE;
    const reader = this.reader;
    const data = reader._readStep(this.n, this.exactly, state === NOT_STARTED);
    if (data !== null) return { done: true, value: data };
    const waiter = reader._waitForData(this.exactly ? 'readexactly' : 'read');
    this.state = WAITING;
    return { done: false, value: waiter };
  }
}
