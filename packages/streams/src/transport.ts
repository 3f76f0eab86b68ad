import { type EventLoop, RuntimeError } from '@asyncio-ts/core-loop';

/**
 * The transport/protocol pair under a stream (asyncio's `transports.Transport` and
 * `protocols.Protocol`, reduced to what streams and pipes use). Two transports implement it:
 * one on the host's `node:net` sockets (runAsync), one on sockets owned by the I/O worker
 * (blocking runs and nested runs).
 */

/** Extra information a transport knows: `peername`, `sockname` and so on. */
export type ExtraInfo = Record<string, unknown>;

/** A byte-stream transport. */
export interface Transport {
  /**
   * Queues bytes for sending; never blocks. Writes after close are dropped and writes after
   * `writeEof()` throw a RuntimeError, as in asyncio.
   */
  write(data: Uint8Array): void;
  /** Half-closes the write side after the buffered bytes are sent. */
  writeEof(): void;
  /** Whether `writeEof()` is supported (false for a pipe that only reads). */
  canWriteEof(): boolean;
  /** Closes after the buffered bytes are sent; the protocol's `connectionLost(null)` follows. */
  close(): void;
  /** Closes at once, dropping buffered bytes. */
  abort(): void;
  /** True once `close()` or `abort()` was called or the connection was lost. */
  isClosing(): boolean;
  /** Stops delivering `dataReceived` until `resumeReading()`. */
  pauseReading(): void;
  /** Delivers `dataReceived` again. */
  resumeReading(): void;
  /** Bytes queued but not yet handed to the operating system. */
  getWriteBufferSize(): number;
  /** A named piece of information (`peername`, `sockname`, `socket`, `pipe` …). */
  getExtraInfo(name: string): unknown;
}

/** asyncio's error for a write after `write_eof()`. */
export function writeAfterEof(): RuntimeError {
  return new RuntimeError('Cannot call write() after writeEof()');
}

/** The callbacks a transport makes, on the loop's thread. */
export interface Protocol {
  /** The transport is connected. */
  connectionMade(transport: Transport): void;
  /** Bytes arrived. */
  dataReceived(data: Uint8Array): void;
  /** The peer half-closed its write side (EOF). */
  eofReceived(): void;
  /** The connection closed: `null` for a normal close, else the error. */
  connectionLost(error: Error | null): void;
  /** The write buffer went above the high-water mark. */
  pauseWriting(): void;
  /** The write buffer went back below the low-water mark. */
  resumeWriting(): void;
}

/** asyncio's default write-buffer high-water mark (64 KiB); the low mark is a quarter. */
export const WRITE_HIGH_WATER = 64 * 1024;
/** The low-water mark: writing resumes at or below it. */
export const WRITE_LOW_WATER = WRITE_HIGH_WATER / 4;

/**
 * Runs one protocol callback for `transport`: an exception goes to the loop's exception
 * handler and aborts the transport (asyncio's `_fatal_error`), instead of escaping into the
 * host's or the worker's event handling.
 */
export function callProtocol(loop: EventLoop, callback: () => void, transport: Transport): void {
  try {
    callback();
  } catch (exception) {
    protocolFailed(loop, exception, transport);
  }
}

/** `callProtocol` for `dataReceived`, the hot path: no closure per chunk. */
export function deliverData(
  loop: EventLoop,
  protocol: Protocol,
  data: Uint8Array,
  transport: Transport,
): void {
  try {
    protocol.dataReceived(data);
  } catch (exception) {
    protocolFailed(loop, exception, transport);
  }
}

function protocolFailed(loop: EventLoop, exception: unknown, transport: Transport): void {
  loop.callExceptionHandler({ message: 'Fatal error: protocol callback failed', exception });
  transport.abort();
}
