import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
import type { EventLoop } from '@asyncio-ts/core-loop';
import {
  addCloseCallback,
  addWakeSource,
  beginOutsideWork,
  type OutsideWork,
  wakeCellOf,
} from '@asyncio-ts/core-loop/internal';
import { ioWorkerMain } from './io-worker-body.js';

/** An event from the worker about one resource (`id`). */
// biome-ignore lint/suspicious/noExplicitAny: events are plain cloned objects, read per kind
export type WorkerEvent = { ev: string; id: number } & Record<string, any>;

/** What receives a resource's events on the loop's thread. */
export type EventHandler = (event: WorkerEvent) => void;

/**
 * The worker's script. The program is compiled inside a `try`, so that even a program that
 * cannot start tells the blocked loop (through the port and the cell) that the worker is gone.
 */
const SOURCE = `
const data = require('node:worker_threads').workerData;
try {
  const main = new Function('return (' + ${JSON.stringify(ioWorkerMain.toString())} + ')')();
  main(require, data);
} catch (error) {
  data.port.postMessage({ ev: 'workerExit', id: 0 });
  Atomics.store(data.cell, 0, 1);
  Atomics.notify(data.cell, 0);
  throw error;
}`;

const workers = new WeakMap<EventLoop, IoWorker>();

/**
 * The loop's side of its I/O worker: starts the worker on first use, posts requests, and
 * drains its events from a wake source (so they arrive in a blocked `run()` as in
 * `runAsync()`). Each open resource holds an OutsideWork, so a run waiting only on I/O
 * waits instead of reporting a deadlock. The worker stops when its last resource closes.
 */
export class IoWorker {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly handlers = new Map<number, EventHandler>();
  private readonly work = new Map<number, OutsideWork>();
  private readonly removeSource: () => void;
  private readonly removeCloseCallback: () => void;
  private nextId = 1;
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
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(SOURCE, {
      eval: true,
      workerData: { port: port2, cell: wakeCellOf(loop) },
      transferList: [port2],
    });
    this.worker.unref();
    this.worker.on('error', (exception) => {
      this.loop.callExceptionHandler({ message: 'The I/O worker failed', exception });
      this.fail(`the I/O worker failed: ${String(exception)}`);
    });
    this.removeSource = addWakeSource(loop, () => this.drain());
    this.removeCloseCallback = addCloseCallback(loop, () => this.shutdown());
  }

  /** A fresh id for a resource of this loop. */
  newId(): number {
    return this.nextId++;
  }

  /** Routes events for `id` to `handler` and counts the resource as open work. */
  register(id: number, handler: EventHandler, description: string): void {
    this.handlers.set(id, handler);
    this.work.set(id, beginOutsideWork(this.loop, description));
  }

  /** Forgets `id`; the worker stops once nothing is registered. */
  unregister(id: number): void {
    this.handlers.delete(id);
    this.work.get(id)?.end();
    this.work.delete(id);
    if (this.handlers.size === 0) this.stop();
  }

  /** Posts a request to the worker. */
  send(message: { op: string; id: number } & Record<string, unknown>): void {
    if (this.stopped) return;
    this.port.postMessage(message);
  }

  private drain(): void {
    for (;;) {
      const received = receiveMessageOnPort(this.port);
      if (received === undefined) return;
      const event = received.message as WorkerEvent;
      if (event.id === 0 && event.ev === 'workerExit') {
        this.fail('the I/O worker exited');
        return;
      }
      const handler = this.handlers.get(event.id);
      if (handler === undefined) continue;
      try {
        handler(event);
      } catch (exception) {
        this.loop.callExceptionHandler({
          message: `Exception in I/O event ${event.ev}`,
          exception,
        });
      }
    }
  }

  private fail(reason: string): void {
    for (const work of this.work.values()) work.abandon(reason);
    this.work.clear();
    this.handlers.clear();
    this.stop();
  }

  /**
   * The loop closes: the worker closes every socket and server and kills every child it
   * still holds, and this thread waits (up to a second) until it has, then stops it.
   */
  private shutdown(): void {
    if (this.stopped) return;
    const ack = new Int32Array(new SharedArrayBuffer(4));
    this.port.postMessage({ op: 'shutdown', id: 0, ack: ack.buffer });
    Atomics.wait(ack, 0, 0, 1000);
    for (const work of this.work.values()) work.end();
    this.work.clear();
    this.handlers.clear();
    this.stop();
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.removeSource();
    this.removeCloseCallback();
    this.port.close();
    void this.worker.terminate();
  }
}
