import {
  type Coroutine,
  type EventLoop,
  type Future,
  isCoroutine,
  type Task,
} from '@asyncio-ts/core-loop';
import { ConnectionResetError } from './errors.js';
import type { StreamReader } from './stream-reader.js';
import { StreamWriter } from './stream-writer.js';
import type { Protocol, Transport } from './transport.js';

/** What `startServer` calls for each connection: asyncio's `client_connected_cb`. */
export type ClientConnected = (
  reader: StreamReader,
  writer: StreamWriter,
) => Coroutine<unknown> | undefined;

/**
 * asyncio's StreamReaderProtocol with FlowControlMixin: feeds a StreamReader from a
 * transport, holds `drain()`'s waiters, and on a server runs `clientConnected` as a task.
 */
export class StreamReaderProtocol implements Protocol {
  #transport: Transport | null = null;
  #paused = false;
  #connectionLost = false;
  readonly #drainWaiters: Future<void>[] = [];
  /** Resolved (or failed) when the connection is lost: `waitClosed()`'s future. */
  readonly closed: Future<void>;
  /** The task running `clientConnected`, on a server. */
  task: Task<unknown> | null = null;

  constructor(
    private readonly reader: StreamReader,
    private readonly loop: EventLoop,
    private readonly clientConnected: ClientConnected | null = null,
    private readonly onConnectionLost: (() => void) | null = null,
  ) {
    this.closed = loop.createFuture<void>();
    // Nobody may ever wait for the close: its exception is then not "never retrieved".
    this.closed.addDoneCallback((f) => {
      if (!f.cancelled()) f.exception();
    });
  }

  connectionMade(transport: Transport): void {
    this.#transport = transport;
    this.reader.setTransport(transport);
    const cb = this.clientConnected;
    if (cb === null) return;
    const writer = new StreamWriter(transport, this, this.reader, this.loop);

    const result = cb(this.reader, writer);
    if (isCoroutine(result)) {
      const task = this.loop.createTask(result as Coroutine<unknown>);
      this.task = task;
      task.addDoneCallback(() => {
        if (task.cancelled()) return;
        const exception = task.exception();
        if (exception !== null && exception !== undefined) {
          this.loop.callExceptionHandler({
            message: 'Unhandled exception in client_connected_cb',
            exception,
            transport,
          } as Parameters<EventLoop['callExceptionHandler']>[0]);
          transport.close();
        }
      });
    }
  }

  dataReceived(data: Uint8Array): void {
    // Transports hand over fresh chunks (Node's per-read buffers, the worker's copies).
    this.reader._feedOwned(data);
  }

  eofReceived(): void {
    this.reader.feedEof();
  }

  connectionLost(error: Error | null): void {
    if (error === null) this.reader.feedEof();
    else this.reader.setException(error);
    if (!this.closed.done()) {
      if (error === null) this.closed.setResult(undefined);
      else this.closed.setException(error);
    }
    this.#connectionLost = true;
    if (this.#paused) {
      for (const waiter of this.#drainWaiters) {
        if (waiter.done()) continue;
        if (error === null) waiter.setResult(undefined);
        else waiter.setException(error);
      }
      this.#drainWaiters.length = 0;
    }
    this.onConnectionLost?.();
  }

  pauseWriting(): void {
    this.#paused = true;
  }

  resumeWriting(): void {
    this.#paused = false;
    for (const waiter of this.#drainWaiters) {
      if (!waiter.done()) waiter.setResult(undefined);
    }
    this.#drainWaiters.length = 0;
  }

  /**
   * `drain()`'s wait (asyncio's `_drain_helper`): null when writing is not paused, else a
   * future resolved when it resumes. Waiters of cancelled drains are dropped as they pile up.
   */
  drainWaiter(): Future<void> | null {
    if (this.#connectionLost) throw new ConnectionResetError('Connection lost');
    if (!this.#paused) return null;
    const waiters = this.#drainWaiters;
    if (waiters.length >= 8) {
      const pending = waiters.filter((w) => !w.done());
      waiters.length = 0;
      waiters.push(...pending);
    }
    const waiter = this.loop.createFuture<void>();
    waiters.push(waiter);
    return waiter;
  }

  /** The transport, once connected. */
  get transport(): Transport | null {
    return this.#transport;
  }
}
