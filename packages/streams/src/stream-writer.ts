import type { Coroutine, EventLoop } from '@asyncio-ts/core-loop';
import { drainCoroutine } from './drain.js';
import type { StreamReaderProtocol } from './stream-protocol.js';
import type { StreamReader } from './stream-reader.js';
import type { Transport } from './transport.js';
import { watchUnclosed } from './unclosed.js';

function checkBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  throw new TypeError(`data must be a Uint8Array, got ${data === null ? 'null' : typeof data}`);
}

/**
 * asyncio.StreamWriter: writes to a transport. `write` never blocks; `yield* drain()` waits
 * while more than the high-water mark (64 KiB) is buffered, so a writer that drains cannot
 * grow memory without bound.
 */
export class StreamWriter {
  readonly #transport: Transport;
  readonly #protocol: StreamReaderProtocol;
  readonly #reader: StreamReader | null;
  readonly #loop: EventLoop;

  /** @internal Made by `openConnection`, `startServer` and subprocess pipes. */
  constructor(
    transport: Transport,
    protocol: StreamReaderProtocol,
    reader: StreamReader | null,
    loop: EventLoop,
  ) {
    this.#transport = transport;
    this.#protocol = protocol;
    this.#reader = reader;
    this.#loop = loop;
    watchUnclosed(this, transport);
  }

  /** The transport underneath (asyncio's `writer.transport`). */
  get transport(): Transport {
    return this.#transport;
  }

  /** Queues `data` for sending. */
  write(data: Uint8Array): void {
    this.#transport.write(checkBytes(data));
  }

  /** Queues each chunk of `data` in order. */
  writelines(data: Iterable<Uint8Array>): void {
    for (const chunk of data) this.#transport.write(checkBytes(chunk));
  }

  /** Half-closes the connection after the queued bytes: the peer reads EOF. */
  writeEof(): void {
    this.#transport.writeEof();
  }

  /** Whether `writeEof()` is supported. */
  canWriteEof(): boolean {
    return this.#transport.canWriteEof();
  }

  /** Closes the connection after the queued bytes are sent. */
  close(): void {
    this.#transport.close();
  }

  /** True once closing started (or the connection was lost). */
  isClosing(): boolean {
    return this.#transport.isClosing();
  }

  /** Waits until the connection is closed; throws the error it was lost with, if any. */
  *waitClosed(): Coroutine<void> {
    yield* this.#protocol.closed;
  }

  /** `peername`, `sockname` (as `[host, port]`, or a path for Unix sockets) and so on. */
  getExtraInfo(name: string, defaultValue: unknown = undefined): unknown {
    const value = this.#transport.getExtraInfo(name);
    return value === undefined ? defaultValue : value;
  }

  /**
   * Waits until the write buffer is at or below the low-water mark. Throws the error the
   * connection was lost with (ConnectionResetError, BrokenPipeError …).
   */
  drain(): Coroutine<void> {
    return drainCoroutine(this.#reader, this.#transport, this.#protocol);
  }

  /** Like asyncio's repr. */
  toString(): string {
    const info = ['StreamWriter', `transport=${String(this.#transport)}`];
    if (this.#reader !== null) info.push(`reader=${this.#reader}`);
    return `<${info.join(' ')}>`;
  }

  /** The loop the writer belongs to. */
  getLoop(): EventLoop {
    return this.#loop;
  }
}

/** A StreamWriter over `transport` (for subprocess pipes; applications get theirs from streams). */
export function makeStreamWriter(
  transport: Transport,
  protocol: StreamReaderProtocol,
  reader: StreamReader | null,
  loop: EventLoop,
): StreamWriter {
  return new StreamWriter(transport, protocol, reader, loop);
}
