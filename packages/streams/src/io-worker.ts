import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import type { EventLoop } from '@asyncio-ts/core-loop';
import {
  addCloseCallback,
  addWakeSource,
  beginOutsideWork,
  type OutsideWork,
  wakeCellOf,
} from '@asyncio-ts/core-loop/internal';
import { GONE, IoThread, ringDoorbell } from './io-thread.js';
import { type RingReceiver, type RingSender, ring } from './shared-ring.js';

const kinds = ring.kinds;

/** An event from the worker about one resource (`id`). */
// biome-ignore lint/suspicious/noExplicitAny: events are plain cloned objects, read per kind
export type WorkerEvent = { ev: string; id: number } & Record<string, any>;

/** What receives a resource's events on the loop's thread. */
export type EventHandler = (event: WorkerEvent) => void;

/** Bytes in each ring: room for several 64 KiB socket reads in flight. */
const RING_BYTES = 1 << 20;

const workers = new WeakMap<EventLoop, IoWorker>();
let nextResourceId = 1;

/**
 * The loop's side of its I/O worker: starts the worker on first use, posts requests, and
 * drains its events from a wake source (so they arrive in a blocked `run()` as in
 * `runAsync()`). Each open resource holds an OutsideWork, so a run waiting only on I/O
 * waits instead of reporting a deadlock. The worker stays until the loop closes; its thread
 * then serves the next loop (io-thread.ts).
 */
export class IoWorker {
  private readonly thread: IoThread;
  private readonly port: MessagePort;
  private readonly toWorker: RingSender;
  private readonly fromWorker: RingReceiver;
  private readonly maxInline: number;
  /** [DOORBELL, ASLEEP, GONE]: see io-worker-body.ts. */
  private readonly signals = new Int32Array(new SharedArrayBuffer(12));
  private readonly handlers = new Map<number, EventHandler>();
  private readonly work = new Map<number, OutsideWork>();
  private readonly removeSource: () => void;
  private readonly removeCloseCallback: () => void;
  private stopped = false;

  /** The loop's I/O worker, started if needed. */
  static of(loop: EventLoop): IoWorker {
    let io = workers.get(loop);
    if (io === undefined || io.stopped) {
      io = new IoWorker(loop);
      workers.set(loop, io);
    }
    return io;
  }

  private constructor(private readonly loop: EventLoop) {
    const toWorker = ring.allocate(RING_BYTES);
    const toLoop = ring.allocate(RING_BYTES);
    this.toWorker = ring.sender(toWorker);
    this.fromWorker = ring.receiver(toLoop);
    this.maxInline = ring.maxInline(toWorker);
    const channel = { cell: wakeCellOf(loop), signals: this.signals, toWorker, toLoop };
    this.thread = IoThread.acquire(channel, (exception) => {
      this.loop.callExceptionHandler({ message: 'The I/O worker failed', exception });
      this.fail(`the I/O worker failed: ${String(exception)}`);
    });
    this.port = this.thread.port;
    this.removeSource = addWakeSource(loop, () => this.drain());
    this.removeCloseCallback = addCloseCallback(loop, () => this.shutdown());
  }

  /**
   * A fresh id for a resource of this loop, unique in the process: a worker thread serves one
   * loop after another, and a late event about a closed loop's resource must match nothing.
   */
  newId(): number {
    return nextResourceId++;
  }

  /** The worker thread's id (a thread serves one loop after another). */
  get threadId(): number {
    return this.thread.threadId;
  }

  /** Routes events for `id` to `handler` and counts the resource as open work. */
  register(id: number, handler: EventHandler, description: string): void {
    this.handlers.set(id, handler);
    this.work.set(id, beginOutsideWork(this.loop, description));
  }

  /** Forgets `id`. */
  unregister(id: number): void {
    this.handlers.delete(id);
    this.work.get(id)?.end();
    this.work.delete(id);
  }

  /** Posts a request to the worker (a port message, announced in the ring). */
  send(message: { op: string; id: number } & Record<string, unknown>): void {
    if (this.stopped) return;
    this.port.postMessage(message);
    this.toWorker.send(kinds.Message, 0, 0, null);
    ringDoorbell(this.signals);
  }

  /** Sends bytes to write to resource `id` (copied: the caller may reuse `data`). */
  sendWrite(id: number, data: Uint8Array): void {
    if (this.stopped) return;
    if (data.length > this.maxInline) {
      this.send({ op: 'write', id, data: data.slice() });
      return;
    }
    this.toWorker.send(kinds.Write, id, 0, data);
    ringDoorbell(this.signals);
  }

  /** Asks the worker to report when `id`'s writes are flushed to the kernel. */
  sendWantDrain(id: number): void {
    if (this.stopped) return;
    this.toWorker.send(kinds.WantDrain, id, 0, null);
    ringDoorbell(this.signals);
  }

  private drain(): void {
    this.fromWorker.receive(this.onRecord);
    // Room made for what the worker kept, or room found for what this side kept: tell it.
    const workerWaits = this.fromWorker.takeSenderWaiting();
    if (this.toWorker.flush() > 0 || workerWaits) ringDoorbell(this.signals);
    if (Atomics.load(this.signals, GONE) !== 0) this.fail('the I/O worker exited');
  }

  private readonly onRecord = (kind: number, id: number, aux: number, bytes: Uint8Array) => {
    if (kind === kinds.Data) this.dispatch({ ev: 'data', id, data: bytes.slice(), w: aux });
    else if (kind === kinds.Drained) this.dispatch({ ev: 'drained', id, w: aux });
    else if (kind === kinds.Message) {
      const received = receiveMessageOnPort(this.port);
      if (received !== undefined) this.dispatch(received.message as WorkerEvent);
    }
  };

  private dispatch(event: WorkerEvent): void {
    const handler = this.handlers.get(event.id);
    if (handler === undefined) return;
    try {
      handler(event);
    } catch (exception) {
      this.loop.callExceptionHandler({
        message: `Exception in I/O event ${event.ev}`,
        exception,
      });
    }
  }

  private fail(reason: string): void {
    for (const work of this.work.values()) work.abandon(reason);
    this.work.clear();
    this.handlers.clear();
    this.stop();
    this.thread.terminate();
  }

  /**
   * The loop closes: the worker closes every socket and server and kills every child it
   * still holds, and this thread waits (up to a second) until it has; the worker's thread is
   * then kept for the next loop (or stopped if it did not answer).
   */
  private shutdown(): void {
    if (this.stopped) return;
    const ack = new Int32Array(new SharedArrayBuffer(4));
    this.send({ op: 'shutdown', id: 0, ack: ack.buffer });
    const answered = Atomics.wait(ack, 0, 0, 1000) !== 'timed-out';
    for (const work of this.work.values()) work.end();
    this.work.clear();
    this.handlers.clear();
    this.stop();
    if (answered && Atomics.load(this.signals, GONE) === 0) {
      this.thread.park(this.toWorker, this.signals);
    } else {
      this.thread.terminate();
    }
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.removeSource();
    this.removeCloseCallback();
  }
}
