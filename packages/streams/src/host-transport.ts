import type { Socket } from 'node:net';
import type { EventLoop } from '@asyncio-ts/core-loop';
import { deliverFromHost } from '@asyncio-ts/core-loop/internal';
import { extraInfoOf, type RawAddresses } from './address.js';
import { BrokenPipeError, osErrorFrom, systemErrorOf } from './errors.js';
import { trackResource } from './resources.js';
import {
  callProtocol,
  deliverData,
  type Protocol,
  type Transport,
  WRITE_HIGH_WATER,
  writeAfterEof,
} from './transport.js';

/**
 * A transport on a `node:net` socket (or a child process pipe, which Node also makes a
 * Socket) driven by the host's own event loop: used in `runAsync()`, where the host turns
 * between the loop's slices. Socket events call the protocol directly; settling the
 * loop's futures from there wakes the loop.
 */
export class HostTransport implements Transport {
  private closing = false;
  /** `writeEof()` was called: asyncio refuses later writes. */
  private eofWritten = false;
  private lost = false;
  private error: Error | null = null;
  private writePaused = false;
  private readonly info: Record<string, unknown>;
  private readonly untrack: () => void;

  constructor(
    private readonly socket: Socket,
    private readonly protocol: Protocol,
    private readonly loop: EventLoop,
    addresses: RawAddresses,
    private readonly writable = true,
  ) {
    this.info = extraInfoOf(addresses);
    this.untrack = trackResource(loop, {
      describe: () => `transport ${this}`,
      abort: () => this.abort(),
    });
    socket.on('data', (chunk: Uint8Array) => deliverFromHost(loop, this.deliverChunk, chunk));
    socket.on('end', () => {
      // A pipe that only reads is done at EOF (asyncio's read pipe closes itself then).
      if (!writable) this.untrack();
      this.guard(() => this.protocol.eofReceived());
    });
    socket.on('drain', () => {
      if (!this.writePaused) return;
      this.writePaused = false;
      this.guard(() => this.protocol.resumeWriting());
    });
    socket.on('error', (error) => {
      this.error ??= osErrorFrom(systemErrorOf(error), error);
    });
    socket.on('close', () => this.connectionLost());
    this.guard(() => protocol.connectionMade(this));
    // Lost between the connect and this transport (a reset right after connecting): its
    // 'close' has gone by, so report the loss now.
    if (socket.destroyed) {
      const errored = (socket as { errored?: unknown }).errored;
      if (errored !== null && errored !== undefined) {
        this.error = osErrorFrom(systemErrorOf(errored), errored);
      }
      loop.callSoon(() => this.connectionLost());
    }
  }

  /** Runs a protocol callback; an exception reaches the loop's exception handler. */
  private guard(callback: () => void): void {
    if (this.loop.isClosed()) {
      this.abort();
      return;
    }
    callProtocol(this.loop, callback, this);
  }

  /**
   * The hot path, run through `deliverFromHost`: the task the chunk wakes runs right after,
   * still inside the socket's `data` event. No closure per chunk.
   */
  private readonly deliverChunk = (chunk: Uint8Array): void => {
    if (this.loop.isClosed()) {
      this.abort();
      return;
    }
    deliverData(this.loop, this.protocol, chunk, this);
  };

  private connectionLost(): void {
    if (this.lost) return;
    this.lost = true;
    this.closing = true;
    this.untrack();
    if (this.loop.isClosed()) return;
    this.guard(() => this.protocol.connectionLost(this.error));
  }

  write(data: Uint8Array): void {
    if (this.eofWritten) throw writeAfterEof();
    if (this.closing || data.length === 0) return;
    if (this.socket.destroyed) {
      // Node destroys a child's stdin when the child exits: asyncio's write would fail with
      // EPIPE there, and the connection is lost.
      this.error ??= new BrokenPipeError('Broken pipe', { code: 'EPIPE', syscall: 'write' });
      this.connectionLost();
      return;
    }
    this.socket.write(data);
    if (!this.writePaused && this.socket.writableLength > WRITE_HIGH_WATER) {
      this.writePaused = true;
      this.protocol.pauseWriting();
    }
  }

  writeEof(): void {
    if (this.closing || this.eofWritten) return;
    this.eofWritten = true;
    this.socket.end();
  }

  canWriteEof(): boolean {
    return this.writable;
  }

  close(): void {
    if (this.closing) return;
    this.closing = true;
    this.untrack();
    this.socket.pause();
    const socket = this.socket;
    if (socket.writableFinished || !this.writable) socket.destroy();
    else {
      socket.once('finish', () => socket.destroy());
      if (!socket.writableEnded) socket.end();
    }
  }

  abort(): void {
    this.closing = true;
    this.untrack();
    this.socket.destroy();
  }

  isClosing(): boolean {
    return this.closing;
  }

  pauseReading(): void {
    this.socket.pause();
  }

  resumeReading(): void {
    if (!this.closing) this.socket.resume();
  }

  getWriteBufferSize(): number {
    return this.socket.writableLength;
  }

  getExtraInfo(name: string): unknown {
    return this.info[name];
  }

  toString(): string {
    const peer = this.info.peername;
    return `<HostTransport${peer === undefined ? '' : ` peername=${JSON.stringify(peer)}`}${this.closing ? ' closing' : ''}>`;
  }
}
