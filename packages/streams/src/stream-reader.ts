import {
  type Coroutine,
  type EventLoop,
  type Future,
  getRunningLoop,
  RuntimeError,
} from '@asyncio-ts/core-loop';
import { ByteBuffer } from './byte-buffer.js';
import { IncompleteReadError, LimitOverrunError } from './errors.js';
import type { Transport } from './transport.js';

/** asyncio's `_DEFAULT_LIMIT`: 64 KiB. */
export const DEFAULT_LIMIT = 2 ** 16;

const EMPTY = new Uint8Array(0);
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
  private readonly _limit: number;
  private readonly _loop: EventLoop;
  private readonly _buffer = new ByteBuffer();
  private _eof = false;
  private _waiter: Future<void> | null = null;
  private _exception: Error | null = null;
  private _transport: Transport | null = null;
  private _paused = false;

  constructor(options: StreamReaderOptions = {}) {
    this._limit = checkLimit(options.limit ?? DEFAULT_LIMIT);
    this._loop = options.loop ?? getRunningLoop();
  }

  /** The error the stream failed with, or null. */
  exception(): Error | null {
    return this._exception;
  }

  /** Fails the stream: pending and later reads throw `error`. */
  setException(error: Error): void {
    this._exception = error;
    const waiter = this._waiter;
    if (waiter !== null) {
      this._waiter = null;
      if (!waiter.cancelled()) waiter.setException(error);
    }
  }

  private _wakeupWaiter(): void {
    const waiter = this._waiter;
    if (waiter !== null) {
      this._waiter = null;
      if (!waiter.cancelled()) waiter.setResult(undefined);
    }
  }

  /** Attaches the transport that feeds this reader (once). */
  setTransport(transport: Transport): void {
    if (this._transport !== null) throw new RuntimeError('Transport already set');
    this._transport = transport;
  }

  private _maybeResumeTransport(): void {
    if (this._paused && this._buffer.length <= this._limit) {
      this._paused = false;
      this._transport?.resumeReading();
    }
  }

  /** Marks the end of the data: reads return what is left, then nothing. */
  feedEof(): void {
    this._eof = true;
    this._wakeupWaiter();
  }

  /** True when EOF was fed and the buffer is empty. */
  atEof(): boolean {
    return this._eof && this._buffer.length === 0;
  }

  /** Adds received bytes (copied) and wakes a waiting read. */
  feedData(data: Uint8Array): void {
    this._feed(data, false);
  }

  /** @internal `feedData` for a transport's own chunk, taken over without a copy. */
  _feedOwned(data: Uint8Array): void {
    this._feed(data, true);
  }

  private _feed(data: Uint8Array, owned: boolean): void {
    if (this._eof) throw new RuntimeError('feedData after feedEof');
    if (data.length === 0) return;
    if (owned) this._buffer.adopt(data);
    else this._buffer.append(data);
    this._wakeupWaiter();
    if (this._transport !== null && !this._paused && this._buffer.length > 2 * this._limit) {
      this._transport.pauseReading();
      this._paused = true;
    }
  }

  /**
   * The future a read waits on until data or EOF arrives (asyncio's `_wait_for_data`). Not a
   * generator, to keep reads light: a waiter left behind by a cancelled read is done, and is
   * simply replaced here instead of being cleared in a `finally`.
   */
  private _waitForData(funcName: string): Future<void> {
    const pending = this._waiter;
    if (pending !== null && !pending.done()) {
      throw new RuntimeError(
        `${funcName}() called while another coroutine is already waiting for incoming data`,
      );
    }
    if (this._paused) {
      this._paused = false;
      this._transport?.resumeReading();
    }
    const waiter = this._loop.createFuture<void>();
    this._waiter = waiter;
    return waiter;
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
        if (this._buffer.startsWith(NEWLINE, error.consumed)) {
          this._buffer.drop(error.consumed + NEWLINE.length);
        } else {
          this._buffer.clear();
        }
        this._maybeResumeTransport();
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
    if (this._exception !== null) throw this._exception;
    let offset = 0;
    let isep: number;
    for (;;) {
      const buflen = this._buffer.length;
      if (buflen - offset >= seplen) {
        isep = this._buffer.indexOf(sep, offset);
        if (isep !== -1) break;
        offset = buflen + 1 - seplen;
        if (offset > this._limit) {
          throw new LimitOverrunError('Separator is not found, and chunk exceed the limit', offset);
        }
      }
      if (this._eof) {
        const chunk = this._buffer.take(this._buffer.length);
        throw new IncompleteReadError(chunk, null);
      }
      yield* this._waitForData('readuntil');
    }
    if (isep > this._limit) {
      throw new LimitOverrunError('Separator is found, but chunk is longer than limit', isep);
    }
    const chunk = this._buffer.take(isep + seplen);
    this._maybeResumeTransport();
    return chunk;
  }

  /**
   * Reads up to `n` bytes (`n < 0`: until EOF). Returns as soon as any bytes are buffered; an
   * empty array means EOF.
   */
  *read(n = -1): Coroutine<Uint8Array> {
    checkCount(n, 'n');
    if (this._exception !== null) throw this._exception;
    if (n === 0) return EMPTY;
    if (n < 0) {
      const blocks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const block = yield* this.read(this._limit);
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
    if (this._buffer.length === 0 && !this._eof) yield* this._waitForData('read');
    const data = this._buffer.take(n);
    this._maybeResumeTransport();
    return data;
  }

  /**
   * Reads exactly `n` bytes; EOF first throws `IncompleteReadError` with what was read
   * (the buffer is emptied).
   */
  *readExactly(n: number): Coroutine<Uint8Array> {
    checkCount(n, 'n');
    if (n < 0) throw new RangeError('readexactly size can not be less than zero');
    if (this._exception !== null) throw this._exception;
    if (n === 0) return EMPTY;
    while (this._buffer.length < n) {
      if (this._eof) {
        const incomplete = this._buffer.take(this._buffer.length);
        throw new IncompleteReadError(incomplete, n);
      }
      yield* this._waitForData('readexactly');
    }
    const data = this._buffer.take(n);
    this._maybeResumeTransport();
    return data;
  }

  /** Like asyncio's repr: `<StreamReader 12 bytes eof>`. */
  toString(): string {
    const info = ['StreamReader'];
    if (this._buffer.length > 0) info.push(`${this._buffer.length} bytes`);
    if (this._eof) info.push('eof');
    if (this._limit !== DEFAULT_LIMIT) info.push(`limit=${this._limit}`);
    if (this._waiter !== null) info.push(`waiter=${this._waiter}`);
    if (this._exception !== null) info.push(`exception=${this._exception}`);
    if (this._paused) info.push('paused');
    return `<${info.join(' ')}>`;
  }
}
