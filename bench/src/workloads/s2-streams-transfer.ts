/**
 * S2 streams transfer: one client sends n KiB (64 MiB in a full run) over loopback in 64 KiB writes with drain();
 * the server in the same process reads to EOF and answers with the byte count.
 */

import { createConnection, createServer } from 'node:net';
import { type Coroutine, run, runAsync } from '@asyncio-ts/core-loop';
import {
  openConnection,
  type ServerSocket,
  type StreamReader,
  type StreamWriter,
  startServer,
} from '@asyncio-ts/streams';
import { outcome, type Workload } from '../workload.js';
import { inWorker } from './s1-streams-echo.js';

const CHUNK = 64 * 1024;
const KIB = 1024;

function* countHandler(reader: StreamReader, writer: StreamWriter): Coroutine<void> {
  let total = 0;
  for (;;) {
    const data = yield* reader.read(CHUNK);
    if (data.length === 0) break;
    total += data.length;
  }
  writer.write(new TextEncoder().encode(String(total)));
  writer.close();
}

/** The asyncio-ts program: sends `kib` KiB; returns the byte count the server read. */
export function* transfer(kib: number): Coroutine<number> {
  const server = yield* startServer(countHandler, '127.0.0.1', 0);
  const port = ((server.sockets[0] as ServerSocket).getsockname() as [string, number])[1];
  const [reader, writer] = yield* openConnection('127.0.0.1', port);
  const chunk = new Uint8Array(CHUNK).fill(1);
  for (let sent = 0; sent < kib * KIB; sent += CHUNK) {
    writer.write(chunk);
    yield* writer.drain();
  }
  writer.writeEof();
  const count = Number(new TextDecoder().decode(yield* reader.read(-1)));
  writer.close();
  server.close();
  yield* server.waitClosed();
  return count;
}

/** Plain node:net: the same transfer with `write` + `'drain'` backpressure. */
export function nodeNet(kib: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer({ allowHalfOpen: true }, (socket) => {
      let total = 0;
      socket.on('data', (d) => {
        total += d.length;
      });
      socket.on('end', () => socket.end(String(total)));
    });
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      const client = createConnection({ host: '127.0.0.1', port, allowHalfOpen: true });
      const chunk = Buffer.alloc(CHUNK, 1);
      let sent = 0;
      const pump = (): void => {
        while (sent < kib * KIB) {
          sent += CHUNK;
          if (!client.write(chunk)) {
            client.once('drain', pump);
            return;
          }
        }
        client.end();
      };
      let reply = '';
      client.on('data', (d) => {
        reply += d.toString();
      });
      client.on('end', () => server.close(() => resolve(Number(reply))));
      client.on('error', reject);
      client.on('connect', pump);
    });
  });
}

export const s2: Workload = {
  id: 'S2',
  title: 'streams transfer',
  description: 'one loopback connection carries n KiB in 64 KiB writes with drain().',
  kind: 'time',
  size: { full: { n: 65_536, span: 0 }, quick: { n: 640, span: 0 } },
  runs: 5,
  budgetMs: 3_000,
  implementations: [
    {
      id: 'asyncio-ts',
      library: 'asyncio-ts',
      label: 'asyncio-ts `runAsync()`, sockets on the host',
      run: async ({ n }) => outcome((await runAsync(() => transfer(n))) === n * KIB),
    },
    {
      id: 'asyncio-ts-worker',
      library: 'asyncio-ts',
      label: 'asyncio-ts `runAsync()`, sockets in the I/O worker',
      run: async ({ n }) =>
        outcome((await inWorker(() => runAsync(() => transfer(n)))) === n * KIB),
    },
    {
      id: 'asyncio-ts-run',
      library: 'asyncio-ts',
      label: 'asyncio-ts blocking `run()`, sockets in the I/O worker',
      run: ({ n }) => outcome(run(() => transfer(n)) === n * KIB),
    },
    {
      id: 'native',
      library: 'native',
      label: 'plain `node:net`, write + drain',
      run: async ({ n }) => outcome((await nodeNet(n)) === n * KIB),
    },
    { id: 'cpython', library: 'cpython', label: 'CPython asyncio streams', impl: 'streams' },
    {
      id: 'uvloop',
      library: 'cpython',
      label: 'CPython asyncio streams on uvloop',
      impl: 'uvloop',
    },
  ],
  notes: ['n is in KiB: 64 MiB in a full run.'],
};
