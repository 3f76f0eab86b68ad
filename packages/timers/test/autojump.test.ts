import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Coroutine, getRunningLoop, run, runAsync, TimeoutError } from '@asyncio-ts/core-loop';
import { awaitWorker } from '@asyncio-ts/test-support/wake-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, VirtualClock, waitFor } from '../src/index.js';

/** Real I/O awaited in host mode: a fetch and its body. */
function* fetchText(url: string): Coroutine<string> {
  const response = (yield fetch(url)) as Response;
  return (yield response.text()) as string;
}

describe('VirtualClock with real I/O (autojump)', () => {
  let server: Server;
  let base = '';
  const sockets = new Set<import('node:net').Socket>();

  beforeAll(async () => {
    server = createServer((request, response) => {
      const wait = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('wait') ?? 0);
      if (wait < 0) return; // never answers
      setTimeout(() => response.end(`done after ${wait} ms`), wait);
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('waitFor(io, 10) around 50 ms of real fetches succeeds: time does not jump meanwhile', async () => {
    const clock = new VirtualClock();
    const trace: string[] = [];
    const result = await runAsync(
      function* () {
        const loop = getRunningLoop();
        loop.callLater(5, () => trace.push(`timer at ${loop.time()}`));
        const texts: string[] = [];
        for (let i = 0; i < 5; i++) {
          texts.push(yield* waitFor(fetchText(`${base}/?wait=10`), 10));
        }
        trace.push(`fetched at ${loop.time()}`);
        yield* sleep(7);
        trace.push(`slept at ${loop.time()}`);
        return texts.join(', ');
      },
      { clock },
    );
    expect(result).toBe(Array(5).fill('done after 10 ms').join(', '));
    // Virtual time stood still during the I/O, then jumped as usual.
    expect(trace).toEqual(['fetched at 0', 'timer at 5', 'slept at 7']);
  });

  it('still fires a real timeout: a request that never answers times out in virtual time', async () => {
    const clock = new VirtualClock({ autojumpThreshold: 0.05 });
    const started = performance.now();
    const outcome = await runAsync(
      function* () {
        const loop = getRunningLoop();
        try {
          yield* waitFor(fetchText(`${base}/?wait=-1`), 10);
          return 'answered';
        } catch (error) {
          if (!(error instanceof TimeoutError)) throw error;
          return `TimeoutError at ${loop.time()}`;
        }
      },
      { clock },
    );
    expect(outcome).toBe('TimeoutError at 10');
    // It waited the threshold in real time (not 10 s), and a little more under load.
    expect(performance.now() - started).toBeGreaterThanOrEqual(40);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a timeout shorter than the I/O still fires once the I/O is over (default threshold)', async () => {
    const clock = new VirtualClock();
    const outcome = await runAsync(
      function* () {
        const loop = getRunningLoop();
        try {
          yield* waitFor(
            (function* () {
              yield* fetchText(`${base}/?wait=20`);
              yield* sleep(3);
            })(),
            2,
          );
          return 'finished';
        } catch (error) {
          if (!(error instanceof TimeoutError)) throw error;
          return `TimeoutError at ${loop.time()}`;
        }
      },
      { clock },
    );
    expect(outcome).toBe('TimeoutError at 2');
  });

  it('in a blocking run, does not jump while a worker thread works on the loop’s behalf', () => {
    const clock = new VirtualClock();
    const trace: string[] = [];
    run(
      function* () {
        const loop = getRunningLoop();
        loop.callLater(10, () => trace.push(`timer at ${loop.time()}`));
        const { value } = yield* waitFor(awaitWorker(30), 5);
        trace.push(`worker gave ${value} at ${loop.time()}`);
        yield* sleep(20);
        trace.push(`done at ${loop.time()}`);
      },
      { clock },
    );
    expect(trace).toEqual(['worker gave 42 at 0', 'timer at 10', 'done at 20']);
  });

  it('rejects a bad autojumpThreshold', () => {
    expect(() => new VirtualClock({ autojumpThreshold: -1 })).toThrow(
      'VirtualClock autojumpThreshold must be a number of seconds >= 0 (Infinity allowed), got -1',
    );
    expect(() => new VirtualClock({ autojumpThreshold: '1' as never })).toThrow(
      new TypeError("VirtualClock autojumpThreshold must be a number of seconds, got '1'"),
    );
  });
});
