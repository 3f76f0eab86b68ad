import { lstatSync, unlinkSync } from 'node:fs';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import {
  CancelledError,
  type Coroutine,
  type EventLoop,
  type Future,
  getRunningLoop,
  RuntimeError,
} from '@asyncio-ts/core-loop';
import { inetAddress, type RawAddresses, rawAddressesOf, type SocketAddress } from './address.js';
import { checkPath, checkPort } from './connect.js';
import { osErrorFrom, systemErrorOf } from './errors.js';
import { HostTransport } from './host-transport.js';
import { IoWorker } from './io-worker.js';
import { ownerFor } from './ownership.js';
import { trackResource } from './resources.js';
import { type ClientConnected, StreamReaderProtocol } from './stream-protocol.js';
import { checkLimit, DEFAULT_LIMIT, StreamReader } from './stream-reader.js';
import { WorkerTransport } from './worker-transport.js';

/** Options for `startServer` and `startUnixServer`. */
export interface StartServerOptions {
  /** Each connection's reader buffer limit (default 64 KiB). */
  limit?: number;
  /** The listen backlog (default 100, as asyncio). */
  backlog?: number;
}

/** Where to listen: a TCP host and port (0: any free port), or a Unix socket path. */
export type ListenTarget = { host: string; port: number } | { path: string };

/** A listening socket of a Server: `getsockname()` gives the bound address. */
export class ServerSocket {
  /** @internal */
  constructor(private readonly address: SocketAddress) {}

  /** The address the socket is bound to: `[host, port]` (IPv6: 4 items) or a Unix path. */
  getsockname(): SocketAddress {
    return Array.isArray(this.address) ? ([...this.address] as SocketAddress) : this.address;
  }

  toString(): string {
    return `<ServerSocket laddr=${JSON.stringify(this.address)}>`;
  }
}

/** What a Server needs from a listening socket, whoever owns it. */
interface Listener {
  socket: ServerSocket;
  close(): void;
}

function addressOf(address: AddressInfo | string | null, target: ListenTarget): SocketAddress {
  if (typeof address === 'string') return address;
  if (address === null) return 'path' in target ? target.path : '';
  return inetAddress(address.address, address.port, address.family) as SocketAddress;
}

/**
 * asyncio.Server: the listening sockets made by `startServer`. Each accepted connection runs
 * `clientConnected(reader, writer)` as a task. `waitClosed()` follows 3.12: it returns once
 * the server is closed and every connection it accepted has closed.
 */
export class Server {
  private listeners: Listener[] | null = [];
  private active = 0;
  private waiters: Future<void>[] | null = [];
  private serving = false;
  private servingForever: Future<void> | null = null;

  /** @internal Made by `startServer`. */
  constructor(
    private readonly loop: EventLoop,
    private readonly clientConnected: ClientConnected,
    private readonly limit: number,
  ) {}

  /** @internal A protocol for a new connection, counted until it closes. */
  _newProtocol(): StreamReaderProtocol {
    this.active++;
    const reader = new StreamReader({ limit: this.limit, loop: this.loop });
    return new StreamReaderProtocol(reader, this.loop, this.clientConnected, () => this.detach());
  }

  /** @internal */
  _addListener(listener: Listener): void {
    const untrack = trackResource(this.loop, {
      describe: () => `server ${listener.socket}`,
      abort: () => listener.close(),
    });
    const close = listener.close;
    listener.close = () => {
      untrack();
      close();
    };
    this.listeners?.push(listener);
    this.serving = true;
  }

  private detach(): void {
    this.active--;
    if (this.active === 0 && this.listeners === null) this.wakeup();
  }

  private wakeup(): void {
    const waiters = this.waiters;
    this.waiters = null;
    for (const waiter of waiters ?? []) if (!waiter.done()) waiter.setResult(undefined);
  }

  /** The loop the server belongs to. */
  getLoop(): EventLoop {
    return this.loop;
  }

  /** The listening sockets (empty once closed). */
  get sockets(): ServerSocket[] {
    return this.listeners === null ? [] : this.listeners.map((l) => l.socket);
  }

  /** True while the server accepts connections. */
  isServing(): boolean {
    return this.serving;
  }

  /**
   * Stops listening; connections already accepted stay open. `waitClosed()` then waits for
   * them to close.
   */
  close(): void {
    const listeners = this.listeners;
    if (listeners === null) return;
    this.listeners = null;
    this.serving = false;
    for (const listener of listeners) listener.close();
    const forever = this.servingForever;
    if (forever !== null && !forever.done()) {
      this.servingForever = null;
      forever.cancel();
    }
    if (this.active === 0) this.wakeup();
  }

  /** Waits until the server is closed and all its connections have closed (3.12). */
  *waitClosed(): Coroutine<void> {
    if (this.waiters === null) return;
    const waiter = this.loop.createFuture<void>();
    this.waiters.push(waiter);
    yield* waiter;
  }

  /** Serving starts in `startServer`; kept for asyncio's API. */
  *startServing(): Coroutine<void> {}

  /**
   * Serves until cancelled: cancelling the task closes the server and waits for it to be
   * closed, then re-throws the CancelledError.
   */
  *serveForever(): Coroutine<void> {
    if (this.servingForever !== null) {
      throw new RuntimeError(`server ${this} is already being awaited on serve_forever()`);
    }
    if (this.listeners === null) throw new RuntimeError(`server ${this} is closed`);
    const forever = this.loop.createFuture<void>();
    this.servingForever = forever;
    try {
      yield* forever;
    } catch (error) {
      if (error instanceof CancelledError) {
        try {
          this.close();
          yield* this.waitClosed();
        } finally {
          // biome-ignore lint/correctness/noUnsafeFinally: asyncio re-raises the cancellation
          throw error;
        }
      }
      throw error;
    } finally {
      this.servingForever = null;
    }
  }

  toString(): string {
    return `<Server sockets=(${this.sockets.map(String).join(', ')})>`;
  }
}

function removeStaleSocket(path: string): void {
  try {
    if (lstatSync(path).isSocket()) unlinkSync(path);
  } catch {
    // Nothing there: nothing to remove.
  }
}

function* listenOnHost(
  server: Server,
  loop: EventLoop,
  target: ListenTarget,
  backlog: number,
): Coroutine<void> {
  const path = 'path' in target ? target.path : undefined;
  const netServer = createServer({ allowHalfOpen: true });
  const listening = loop.createFuture<void>();
  netServer.on('error', (error) => {
    const exception = osErrorFrom(systemErrorOf(error), error);
    if (!listening.done()) listening.setException(exception);
    else if (!loop.isClosed()) {
      loop.callExceptionHandler({ message: 'Error on a listening socket', exception });
    }
  });
  netServer.on('connection', (socket: Socket) => {
    if (loop.isClosed()) {
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    new HostTransport(socket, server._newProtocol(), loop, rawAddressesOf(socket, path, true));
  });
  netServer.listen({ ...target, backlog }, () => {
    if (!listening.done()) listening.setResult(undefined);
  });
  try {
    yield* listening;
  } catch (error) {
    netServer.close();
    throw error;
  }
  server._addListener({
    socket: new ServerSocket(addressOf(netServer.address(), target)),
    close: () => netServer.close(),
  });
}

function* listenInWorker(
  server: Server,
  loop: EventLoop,
  target: ListenTarget,
  backlog: number,
): Coroutine<void> {
  const io = IoWorker.of(loop);
  const id = io.newId();
  const listening = loop.createFuture<SocketAddress>();
  const where = 'path' in target ? target.path : `${target.host}:${target.port}`;
  io.register(
    id,
    (event) => {
      switch (event.ev) {
        case 'listening':
          if (!listening.done()) listening.setResult(addressOf(event.address, target));
          return;
        case 'listenFailed':
        case 'failed':
          io.unregister(id);
          if (!listening.done()) listening.setException(osErrorFrom(event.error));
          return;
        case 'serverClosed':
          io.unregister(id);
          return;
        case 'accepted': {
          const conn = event.conn as number;
          const transport = new WorkerTransport(io, conn, server._newProtocol(), loop);
          io.register(conn, (e) => transport.handle(e), `a connection accepted on ${where}`);
          transport.connected(event.addresses as RawAddresses);
          return;
        }
      }
    },
    `a server listening on ${where}`,
  );
  io.send({ op: 'listen', id, backlog, ...target });
  let address: SocketAddress;
  try {
    address = yield* listening;
  } catch (error) {
    if (listening.cancelled()) io.send({ op: 'serverClose', id });
    throw error;
  }
  server._addListener({
    socket: new ServerSocket(address),
    close: () => io.send({ op: 'serverClose', id }),
  });
}

function* start(
  clientConnected: ClientConnected,
  target: ListenTarget,
  options: StartServerOptions,
): Coroutine<Server> {
  const loop = getRunningLoop();
  const server = new Server(loop, clientConnected, checkLimit(options.limit ?? DEFAULT_LIMIT));
  const backlog = options.backlog ?? 100;
  if ('path' in target) removeStaleSocket(target.path);
  if (ownerFor(loop) === 'worker') yield* listenInWorker(server, loop, target, backlog);
  else yield* listenOnHost(server, loop, target, backlog);
  return server;
}

function checkCallback(cb: unknown): ClientConnected {
  if (typeof cb !== 'function') {
    throw new TypeError(`clientConnected must be a function, got ${typeof cb}`);
  }
  return cb as ClientConnected;
}

/**
 * asyncio.start_server: listens on `host:port` (port 0: a free port, read it from
 * `server.sockets[0].getsockname()`) and runs `clientConnected(reader, writer)` as a task
 * for each connection.
 *
 * @example
 * const server = yield* startServer(function* (reader, writer) {
 *   writer.write(yield* reader.read(100));
 *   yield* writer.drain();
 *   writer.close();
 * }, '127.0.0.1', 8888);
 * yield* server.serveForever();
 */
export function startServer(
  clientConnected: ClientConnected,
  host: string,
  port: number,
  options: StartServerOptions = {},
): Coroutine<Server> {
  if (typeof host !== 'string' || host === '') {
    throw new TypeError(`host must be a non-empty string, got ${String(host)}`);
  }
  return start(checkCallback(clientConnected), { host, port: checkPort(port) }, options);
}

/** asyncio.start_unix_server: `startServer` on the Unix socket at `path`. */
export function startUnixServer(
  clientConnected: ClientConnected,
  path: string,
  options: StartServerOptions = {},
): Coroutine<Server> {
  return start(checkCallback(clientConnected), { path: checkPath(path) }, options);
}
