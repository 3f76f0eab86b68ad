import type { EventLoop } from '@asyncio-ts/core-loop';
import { extraInfoOf, type RawAddresses } from './address.js';
import { osErrorFrom } from './errors.js';
import type { IoWorker, WorkerEvent } from './io-worker.js';
import { trackResource } from './resources.js';
import {
  callProtocol,
  deliverData,
  type Protocol,
  type Transport,
  WRITE_HIGH_WATER,
  WRITE_LOW_WATER,
  writeAfterEof,
} from './transport.js';

/**
 * How much may be on its way to the worker before writing pauses: four high-water marks, so
 * that acknowledgements crossing between the threads do not stall a steady writer. Writing
 * resumes at one high-water mark.
 */
const WORKER_HIGH_WATER = 4 * WRITE_HIGH_WATER;

/**
 * A transport on a socket or pipe owned by the loop's I/O worker. Writes are posted to the
 * worker at once; the bytes not yet handed to the kernel are counted from the worker's
 * acknowledgements, and above the high-water mark the protocol is paused until the worker
 * reports the socket drained.
 */
export class WorkerTransport implements Transport {
  private closing = false;
  /** `writeEof()` was called: asyncio refuses later writes. */
  private eofWritten = false;
  private lost = false;
  private writePaused = false;
  private drainRequested = false;
  /** Bytes posted to the worker, and bytes it reported flushed to the kernel. */
  private posted = 0;
  private flushed = 0;
  private info: Record<string, unknown> = {};
  private readonly untrack: () => void;

  constructor(
    private readonly io: IoWorker,
    readonly id: number,
    private readonly protocol: Protocol,
    private readonly loop: EventLoop,
    private readonly writable = true,
  ) {
    this.untrack = trackResource(loop, {
      describe: () => `transport ${this}`,
      abort: () => this.abort(),
    });
  }

  /** The connection is up: records its addresses and tells the protocol. */
  connected(addresses: RawAddresses): void {
    this.info = extraInfoOf(addresses);
    this.guard(() => this.protocol.connectionMade(this));
  }

  /** Handles one event from the worker for this socket. */
  handle(event: WorkerEvent): void {
    switch (event.ev) {
      case 'data':
        this.acknowledge(event.w as number);
        if (!this.closing) deliverData(this.loop, this.protocol, event.data as Uint8Array, this);
        return;
      case 'drained':
        this.drainRequested = false;
        this.acknowledge(event.w as number);
        return;
      case 'eof':
        // A pipe that only reads is done at EOF (asyncio's read pipe closes itself then).
        if (!this.writable) this.untrack();
        this.guard(() => this.protocol.eofReceived());
        return;
      case 'closed':
      case 'failed':
        this.connectionLost(event.error === null ? null : osErrorFrom(event.error));
        return;
    }
  }

  private acknowledge(flushed: number): void {
    if (flushed > this.flushed) this.flushed = flushed;
    const unacknowledged = this.posted - this.flushed;
    if (this.writePaused && unacknowledged <= WRITE_HIGH_WATER) {
      this.writePaused = false;
      this.guard(() => this.protocol.resumeWriting());
    }
    if (unacknowledged > WRITE_LOW_WATER && !this.drainRequested) this.requestDrain();
  }

  private requestDrain(): void {
    this.drainRequested = true;
    this.io.sendWantDrain(this.id);
  }

  private guard(callback: () => void): void {
    callProtocol(this.loop, callback, this);
  }

  private connectionLost(error: Error | null): void {
    if (this.lost) return;
    this.lost = true;
    this.closing = true;
    this.untrack();
    this.io.unregister(this.id);
    this.guard(() => this.protocol.connectionLost(error));
  }

  write(data: Uint8Array): void {
    if (this.eofWritten) throw writeAfterEof();
    if (this.closing || data.length === 0) return;
    this.io.sendWrite(this.id, data);
    this.posted += data.length;
    const unacknowledged = this.posted - this.flushed;
    // Ask for an acknowledgement early, so one is on its way before writing must pause: a
    // transfer then streams instead of waiting a thread round trip per high-water mark.
    if (unacknowledged > WRITE_LOW_WATER && !this.drainRequested) this.requestDrain();
    if (!this.writePaused && unacknowledged > WORKER_HIGH_WATER) {
      this.writePaused = true;
      this.protocol.pauseWriting();
    }
  }

  writeEof(): void {
    if (this.closing || this.eofWritten) return;
    this.eofWritten = true;
    this.io.send({ op: 'writeEof', id: this.id });
  }

  canWriteEof(): boolean {
    return this.writable;
  }

  close(): void {
    if (this.closing) return;
    this.closing = true;
    this.untrack();
    this.io.send({ op: 'close', id: this.id });
  }

  abort(): void {
    this.closing = true;
    this.untrack();
    this.io.send({ op: 'abort', id: this.id });
  }

  isClosing(): boolean {
    return this.closing;
  }

  pauseReading(): void {
    this.io.send({ op: 'pause', id: this.id });
  }

  resumeReading(): void {
    if (!this.closing) this.io.send({ op: 'resume', id: this.id });
  }

  getWriteBufferSize(): number {
    return this.posted - this.flushed;
  }

  getExtraInfo(name: string): unknown {
    return this.info[name];
  }

  toString(): string {
    return `<WorkerTransport id=${this.id}${this.closing ? ' closing' : ''}>`;
  }
}
