import { connect as netConnect, type Socket } from 'node:net';
import { type Coroutine, type EventLoop, type Future, getRunningLoop } from '@asyncio-ts/core-loop';
import { rawAddressesOf } from './address.js';
import { osErrorFrom, systemErrorOf } from './errors.js';
import { HostTransport } from './host-transport.js';
import { IoWorker } from './io-worker.js';
import { ownerFor } from './ownership.js';
import { StreamReaderProtocol } from './stream-protocol.js';
import { checkLimit, DEFAULT_LIMIT, StreamReader } from './stream-reader.js';
import { StreamWriter } from './stream-writer.js';
import type { Protocol, Transport } from './transport.js';
import { WorkerTransport } from './worker-transport.js';

/** Options for `openConnection` and `openUnixConnection`. */
export interface OpenConnectionOptions {
  /** The reader's buffer limit (default 64 KiB). */
  limit?: number;
}

/** Where to connect: a TCP host and port, or a Unix socket path. */
export type ConnectTarget = { host: string; port: number } | { path: string };

function describe(target: ConnectTarget): string {
  return 'path' in target ? target.path : `${target.host}:${target.port}`;
}

/** Connects `protocol` to `target` with the owner the loop calls for (host or I/O worker). */
export function* connectTransport(
  loop: EventLoop,
  target: ConnectTarget,
  protocol: Protocol,
): Coroutine<Transport> {
  return ownerFor(loop) === 'worker'
    ? yield* connectInWorker(loop, target, protocol)
    : yield* connectOnHost(loop, target, protocol);
}

function* connectOnHost(
  loop: EventLoop,
  target: ConnectTarget,
  protocol: Protocol,
): Coroutine<Transport> {
  const connected = loop.createFuture<Socket>();
  const socket = netConnect({ ...target, allowHalfOpen: true });
  socket.setNoDelay(true);
  const onError = (error: Error): void => {
    if (!connected.done()) connected.setException(osErrorFrom(systemErrorOf(error), error));
  };
  // Kept until the transport listens: an error between the connect and the transport must
  // not go unhandled (the transport then finds the socket destroyed).
  socket.on('error', onError);
  socket.once('connect', () => {
    if (!connected.done()) connected.setResult(socket);
  });
  try {
    yield* connected;
  } catch (error) {
    socket.destroy();
    throw error;
  }
  const path = 'path' in target ? target.path : undefined;
  const transport = new HostTransport(socket, protocol, loop, rawAddressesOf(socket, path, false));
  socket.removeListener('error', onError);
  return transport;
}

function* connectInWorker(
  loop: EventLoop,
  target: ConnectTarget,
  protocol: Protocol,
): Coroutine<Transport> {
  const io = IoWorker.of(loop);
  const id = io.newId();
  const transport = new WorkerTransport(io, id, protocol, loop);
  const connected: Future<void> = loop.createFuture<void>();
  io.register(
    id,
    (event) => {
      if (event.ev === 'connected') {
        if (connected.done()) return;
        connected.setResult(undefined);
        transport.connected(event.addresses);
      } else if (event.ev === 'connectFailed' || event.ev === 'failed') {
        transport.abort();
        io.unregister(id);
        if (!connected.done()) connected.setException(osErrorFrom(event.error));
      } else {
        transport.handle(event);
      }
    },
    `a connection to ${describe(target)}`,
  );
  io.send({ op: 'connect', id, ...target });
  try {
    yield* connected;
  } catch (error) {
    if (connected.cancelled()) transport.abort();
    throw error;
  }
  return transport;
}

function* open(
  target: ConnectTarget,
  options: OpenConnectionOptions,
): Coroutine<[StreamReader, StreamWriter]> {
  const loop = getRunningLoop();
  const reader = new StreamReader({ limit: checkLimit(options.limit ?? DEFAULT_LIMIT), loop });
  const protocol = new StreamReaderProtocol(reader, loop);
  const transport = yield* connectTransport(loop, target, protocol);
  return [reader, new StreamWriter(transport, protocol, reader, loop)];
}

function checkHost(host: unknown): string {
  if (typeof host !== 'string' || host === '') {
    throw new TypeError(`host must be a non-empty string, got ${String(host)}`);
  }
  return host;
}

/** Checks a TCP port (0 to 65535). */
export function checkPort(port: unknown): number {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`port must be an integer from 0 to 65535, got ${String(port)}`);
  }
  return port;
}

/** Checks a Unix socket path. */
export function checkPath(path: unknown): string {
  if (typeof path !== 'string' || path === '') {
    throw new TypeError(`path must be a non-empty string, got ${String(path)}`);
  }
  return path;
}

/**
 * asyncio.open_connection: connects to `host:port` and returns `[reader, writer]`.
 * Errors keep Node's `code` under asyncio's names (`ConnectionRefusedError` …).
 *
 * @example
 * const [reader, writer] = yield* openConnection('127.0.0.1', 8888);
 * writer.write(new TextEncoder().encode('Hello World!'));
 * const data = yield* reader.read(100);
 * writer.close();
 * yield* writer.waitClosed();
 */
export function openConnection(
  host: string,
  port: number,
  options: OpenConnectionOptions = {},
): Coroutine<[StreamReader, StreamWriter]> {
  return open({ host: checkHost(host), port: checkPort(port) }, options);
}

/** asyncio.open_unix_connection: `openConnection` over the Unix socket at `path`. */
export function openUnixConnection(
  path: string,
  options: OpenConnectionOptions = {},
): Coroutine<[StreamReader, StreamWriter]> {
  return open({ path: checkPath(path) }, options);
}
