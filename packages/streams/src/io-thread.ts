import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { ioWorkerMain } from './io-worker-body.js';
import { type RingMemory, type RingSender, ring, sharedRing } from './shared-ring.js';

/** The signal words shared with the worker (io-worker-body.ts has the same). */
export const DOORBELL = 0;
export const ASLEEP = 1;
export const GONE = 2;

/** What binds a worker thread to one loop: its wake cell, the signal words, the two rings. */
export interface Channel {
  cell: Int32Array;
  /** [DOORBELL, ASLEEP, GONE]: see io-worker-body.ts. */
  signals: Int32Array;
  toWorker: RingMemory;
  toLoop: RingMemory;
}

/**
 * The worker's script: the ring functions and the worker's program, compiled from their
 * text inside a `try`, so that even a program that cannot start tells the blocked loop
 * (through the "gone" signal and the cell) that the worker is gone.
 */
const SOURCE = `
const data = require('node:worker_threads').workerData;
try {
  const compile = (text) => new Function('return (' + text + ')')();
  const ring = compile(${JSON.stringify(sharedRing.toString())})();
  compile(${JSON.stringify(ioWorkerMain.toString())})(require, data, ring);
} catch (error) {
  Atomics.store(data.signals, ${GONE}, 1);
  Atomics.store(data.cell, 0, 1);
  Atomics.notify(data.cell, 0);
  throw error;
}`;

/** Wakes the worker if it says it sleeps; while it polls, the record alone is enough. */
export function ringDoorbell(signals: Int32Array): void {
  if (Atomics.load(signals, ASLEEP) === 0) return;
  if (Atomics.compareExchange(signals, DOORBELL, 0, 1) === 0) Atomics.notify(signals, DOORBELL);
}

/** A parked thread and the channel it still listens on. */
interface Spare {
  thread: IoThread;
  sender: RingSender;
  signals: Int32Array;
}

let spare: Spare | null = null;

/**
 * The I/O worker's thread. It outlives the loop it serves: when a loop closes (every socket,
 * server and child of it closed), its thread is parked as the spare, and the next loop that
 * needs an I/O worker rebinds it to its own channel instead of starting a thread. Starting
 * one costs about 30 ms and its first thousands of requests run cold (S1 in `run()`: the
 * first 5,000 round trips of a fresh worker take 34 µs each, later ones 13 µs), which a
 * program that calls `run()` again and again (a notebook, a synchronous wrapper) would pay
 * on every call. The spare is unref'd: it never keeps the process alive.
 */
export class IoThread {
  /** The loop's end of the port to the worker (a new one for each loop served). */
  port: MessagePort;
  private readonly worker: Worker;
  /** Where a failure of the thread is reported: the loop it serves now. */
  private onError: (error: unknown) => void = () => {};

  /** A thread bound to `channel`: the spare, rebound, or a new one. */
  static acquire(channel: Channel, onError: (error: unknown) => void): IoThread {
    const thread = IoThread.takeSpare(channel) ?? new IoThread(channel);
    thread.onError = onError;
    return thread;
  }

  private static takeSpare(channel: Channel): IoThread | null {
    const parked = spare;
    spare = null;
    if (parked === null) return null;
    if (Atomics.load(parked.signals, GONE) !== 0) {
      parked.thread.terminate();
      return null;
    }
    // The rebind travels on the old channel, ahead of anything on the new one, and carries a
    // new port: events of the closed loop may still wait on the old one. The worker may sleep
    // on the old doorbell, so ring it whatever it says.
    const { port1, port2 } = new MessageChannel();
    parked.thread.port.postMessage({ op: 'rebind', id: 0, port: port2, ...channel }, [port2]);
    parked.sender.send(ring.kinds.Message, 0, 0, null);
    Atomics.store(parked.signals, DOORBELL, 1);
    Atomics.notify(parked.signals, DOORBELL);
    // The worker closes the old port (both ends) once it has read the rebind.
    parked.thread.port = port1;
    return parked.thread;
  }

  private constructor(channel: Channel) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(SOURCE, {
      eval: true,
      workerData: { port: port2, ...channel },
      transferList: [port2],
    });
    this.worker.unref();
    this.worker.on('error', (exception) => this.onError(exception));
  }

  /** The worker thread's id. */
  get threadId(): number {
    return this.worker.threadId;
  }

  /**
   * Keeps the thread (its loop has closed and the worker has closed everything) as the spare,
   * listening on `sender`'s channel, unless there already is one.
   */
  park(sender: RingSender, signals: Int32Array): void {
    this.onError = () => {};
    if (spare === null) spare = { thread: this, sender, signals };
    else this.terminate();
  }

  /** Stops the thread. */
  terminate(): void {
    this.onError = () => {};
    this.port.close();
    void this.worker.terminate();
  }
}
