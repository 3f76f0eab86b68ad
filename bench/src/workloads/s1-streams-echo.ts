/**
 * S1 streams echo: n request/response round trips of 100 bytes over one loopback
 * connection, with the echo server in the same process. asyncio-ts in `runAsync()` (sockets
 * on the host), in `runAsync()` with every socket in the I/O worker (what nest-patch's apply
 * selects), and in a blocking `run()` (the I/O worker); a plain `node:net` echo; CPython's
 * asyncio streams, and the same on uvloop.
 */

import { createConnection, createServer, type Socket } from 'node:net';
import { type Coroutine, run, runAsync } from '@asyncio-ts/core-loop';
import {
  openConnection,
  type Server,
  type ServerSocket,
  type StreamReader,
  type StreamWriter,
  startServer,
} from '@asyncio-ts/streams';
import { outcome, type Workload } from '../workload.js';

const SIZE = 100;

function* echoHandler(reader: StreamReader, writer: StreamWriter): Coroutine<void> {
  for (;;) {
    const data = yield* reader.read(65536);
    if (data.length === 0) break;
    writer.write(data);
    yield* writer.drain();
  }
  writer.close();
}

/** The asyncio-ts program: the echo server and one client doing n round trips. */
export function* roundTrips(n: number): Coroutine<number> {
  const server: Server = yield* startServer(echoHandler, '127.0.0.1', 0);
  const port = ((server.sockets[0] as ServerSocket).getsockname() as [string, number])[1];
  const [reader, writer] = yield* openConnection('127.0.0.1', port);
  const message = new Uint8Array(SIZE).fill(120);
  let done = 0;
  for (let i = 0; i < n; i++) {
    writer.write(message);
    yield* writer.drain();
    const reply = yield* reader.readExactly(SIZE);
    if (reply.length === SIZE) done++;
  }
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
  return done;
}

/** Runs `body` with every new socket in the I/O worker (`ASYNCIO_TS_IO=worker`). */
export async function inWorker<T>(body: () => Promise<T>): Promise<T> {
  process.env.ASYNCIO_TS_IO = 'worker';
  try {
    return await body();
  } finally {
    delete process.env.ASYNCIO_TS_IO;
  }
}

/** Plain node:net: an echo server and a client that waits for each whole reply. */
export function nodeNet(n: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => {
      socket.setNoDelay(true);
      socket.on('data', (data) => socket.write(data));
      socket.on('end', () => socket.end());
    });
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      const client: Socket = createConnection({ host: '127.0.0.1', port }, () => {
        client.setNoDelay(true);
        const message = Buffer.alloc(SIZE, 120);
        let got = 0;
        let done = 0;
        client.on('data', (data) => {
          got += data.length;
          while (got >= SIZE) {
            got -= SIZE;
            done++;
            if (done === n) {
              client.end();
              server.close(() => resolve(done));
              return;
            }
            client.write(message);
          }
        });
        client.write(message);
      });
      client.on('error', reject);
    });
  });
}

export const s1: Workload = {
  id: 'S1',
  title: 'streams echo round trips',
  description:
    'one loopback connection, n round trips of 100 bytes, echo server in the same process.',
  kind: 'time',
  size: { full: { n: 20_000, span: 0 }, quick: { n: 200, span: 0 } },
  runs: 5,
  budgetMs: 3_000,
  implementations: [
    {
      id: 'asyncio-ts',
      library: 'asyncio-ts',
      label: 'asyncio-ts `runAsync()`, sockets on the host',
      run: async ({ n }) => outcome((await runAsync(() => roundTrips(n))) === n),
    },
    {
      id: 'asyncio-ts-worker',
      library: 'asyncio-ts',
      label: 'asyncio-ts `runAsync()`, sockets in the I/O worker (after `apply()`)',
      run: async ({ n }) => outcome((await inWorker(() => runAsync(() => roundTrips(n)))) === n),
    },
    {
      id: 'asyncio-ts-run',
      library: 'asyncio-ts',
      label: 'asyncio-ts blocking `run()`, sockets in the I/O worker',
      run: ({ n }) => outcome(run(() => roundTrips(n)) === n),
    },
    {
      id: 'native',
      library: 'native',
      label: 'plain `node:net` echo, no library',
      run: async ({ n }) => outcome((await nodeNet(n)) === n),
    },
    { id: 'cpython', library: 'cpython', label: 'CPython asyncio streams', impl: 'streams' },
    {
      id: 'uvloop',
      library: 'cpython',
      label: 'CPython asyncio streams on uvloop',
      impl: 'uvloop',
    },
  ],
  notes: [
    'Targets: `runAsync()` ≥ 1.5× CPython and ≥ 0.5× plain node:net; blocking `run()` ≥ CPython.',
    "uvloop is Debian's python3-uvloop, loaded from /usr/lib/python3/dist-packages.",
  ],
};
