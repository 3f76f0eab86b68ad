import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { sharedRing } from '../src/shared-ring.js';

const ring = sharedRing();
type Seen = [kind: number, id: number, aux: number, bytes: number[]];

function receiveAll(receiver: ReturnType<typeof ring.receiver>): Seen[] {
  const seen: Seen[] = [];
  receiver.receive((kind, id, aux, bytes) => seen.push([kind, id, aux, [...bytes]]));
  return seen;
}

describe('the shared ring between a loop and its I/O worker', () => {
  it('delivers kind, id, aux and a copy of the bytes, in order', () => {
    const memory = ring.allocate(1024);
    const sender = ring.sender(memory);
    const receiver = ring.receiver(memory);
    const bytes = new Uint8Array([1, 2, 3]);
    expect(sender.send(ring.kinds.Write, 7, 0, bytes)).toBe(true);
    bytes[0] = 99; // the ring holds its own copy
    expect(sender.send(ring.kinds.Drained, -3, 2 ** 40 + 0.5, null)).toBe(true);
    expect(receiver.pending()).toBe(true);
    expect(receiveAll(receiver)).toEqual([
      [ring.kinds.Write, 7, 0, [1, 2, 3]],
      [ring.kinds.Drained, -3, 2 ** 40 + 0.5, []],
    ]);
    expect(receiver.pending()).toBe(false);
    expect(receiveAll(receiver)).toEqual([]);
  });

  it('wraps around its end without splitting a record', () => {
    const memory = ring.allocate(256);
    const sender = ring.sender(memory);
    const receiver = ring.receiver(memory);
    const got: Seen[] = [];
    const expected: Seen[] = [];
    // Sizes that do not divide the ring, so records keep meeting its end at new offsets.
    for (let i = 0; i < 2_000; i++) {
      const payload = Array.from({ length: (i * 7) % 41 }, (_, k) => (i + k) & 255);
      expected.push([ring.kinds.Data, i, i * 3, payload]);
      expect(sender.send(ring.kinds.Data, i, i * 3, Uint8Array.from(payload))).toBe(true);
      if (i % 3 === 2) got.push(...receiveAll(receiver));
    }
    got.push(...receiveAll(receiver));
    expect(got).toEqual(expected);
  });

  it('keeps records in order while full, asks the receiver for room, and sends them later', () => {
    const memory = ring.allocate(128);
    const sender = ring.sender(memory);
    const receiver = ring.receiver(memory);
    const payload = new Uint8Array(40); // 64 bytes a record: two fit
    expect(sender.send(1, 1, 0, payload)).toBe(true);
    expect(sender.send(1, 2, 0, payload)).toBe(true);
    expect(sender.send(1, 3, 0, payload)).toBe(false);
    // Even a record that would fit waits behind the one kept before it.
    expect(sender.send(3, 4, 0, null)).toBe(false);
    expect(sender.keeping()).toBe(true);
    expect(receiveAll(receiver).map((record) => record[1])).toEqual([1, 2]);
    expect(receiver.takeSenderWaiting()).toBe(true);
    expect(receiver.takeSenderWaiting()).toBe(false);
    expect(sender.flush()).toBe(2);
    expect(sender.keeping()).toBe(false);
    expect(receiveAll(receiver).map((record) => record[1])).toEqual([3, 4]);
  });

  it('says how large an inline payload may be, and refuses a bad capacity', () => {
    expect(ring.maxInline(ring.allocate(1 << 20))).toBe((1 << 18) - 24);
    expect(() => ring.allocate(1000)).toThrow(
      new RangeError('ring capacity must be a power of two >= 64, got 1000'),
    );
    expect(() => ring.allocate(32)).toThrow(RangeError);
  });

  it('carries records between threads, compiled from its text as the worker does', async () => {
    const toWorker = ring.allocate(4096);
    const back = ring.allocate(4096);
    // The worker echoes every record back with aux + 1, polling until it has seen `count`.
    const worker = new Worker(
      `const { workerData: d } = require('node:worker_threads');
       const ring = new Function('return (' + d.text + ')')()();
       const from = ring.receiver(d.toWorker);
       const to = ring.sender(d.back);
       let seen = 0;
       while (seen < d.count || to.keeping()) {
         seen += from.receive((kind, id, aux, bytes) => {
           to.send(kind, id, aux + 1, bytes);
         });
         to.flush();
       }`,
      {
        eval: true,
        workerData: { text: sharedRing.toString(), toWorker, back, count: 3_000 },
      },
    );
    const sender = ring.sender(toWorker);
    const receiver = ring.receiver(back);
    const echoed: Seen[] = [];
    let sent = 0;
    while (echoed.length < 3_000) {
      if (sent < 3_000) {
        const payload = Uint8Array.from({ length: sent % 300 }, (_, k) => (sent * 31 + k) & 255);
        sender.send(ring.kinds.Write, sent, sent, payload);
        sent++;
      }
      sender.flush();
      receiver.receive((kind, id, aux, bytes) => echoed.push([kind, id, aux, [...bytes]]));
    }
    await worker.terminate();
    echoed.forEach(([kind, id, aux, bytes], i) => {
      expect([kind, id, aux, bytes.length]).toEqual([ring.kinds.Write, i, i + 1, i % 300]);
      expect(bytes.every((byte, k) => byte === ((i * 31 + k) & 255))).toBe(true);
    });
  });
});
