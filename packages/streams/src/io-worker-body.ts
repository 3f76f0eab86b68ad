// biome-ignore-all lint/suspicious/noExplicitAny: the worker speaks in plain cloned messages
import type { SharedRing } from './shared-ring.js';

/**
 * The I/O worker's program: the selector of a blocking run. It owns sockets, servers and
 * child processes on its own host event loop, and talks with the loop through the shared
 * rings of shared-ring.ts: socket data and writes as bytes in the rings, anything else as a
 * port message announced in the ring. It wakes the loop by notifying its wake cell
 * (core-loop's wake path: store 1, notify).
 *
 * While traffic flows, the worker polls the ring from a `setImmediate` loop (each turn of its
 * host loop also polls its sockets without blocking), so the loop's next request is seen
 * within a microsecond instead of the 20+ µs it takes to wake an idle event loop; after
 * POLL_MS without traffic it sleeps in `Atomics.waitAsync` on the doorbell, which the loop
 * rings only when the worker says it is asleep.
 *
 * It runs from source text (`new Worker(code, { eval: true })`), so this function must be
 * self-contained: no imports, no outer variables, only `require`, the worker data and the
 * ring functions; and it must not use syntax a build may turn into helper calls (`?.`, `??`,
 * `??=`: the CJS build does), since the helpers would not exist in the worker. A test checks
 * the built text.
 */
export function ioWorkerMain(require: (id: string) => any, data: any, ring: SharedRing): void {
  const net = require('node:net');
  const childProcess = require('node:child_process');
  const { receiveMessageOnPort } = require('node:worker_threads');
  let port = data.port;
  // The channel to the loop served now: replaced when the thread serves the next loop.
  let cell: Int32Array = data.cell;
  let signals: Int32Array = data.signals;
  const kinds = ring.kinds;
  let fromLoop = ring.receiver(data.toWorker);
  let toLoop = ring.sender(data.toLoop);
  let maxInline = ring.maxInline(data.toLoop);
  /**
   * How long the worker polls after the last traffic before it sleeps. S1 (echo round trips
   * in a blocking run): the loop answers within a few µs, far inside this window.
   */
  const POLL_MS = 0.2;
  // Read once: every read of the global `performance` goes through a lazy getter.
  const clock = performance;

  // What the worker holds, by id (ids from the loop are > 0, the worker's own are < 0).
  /**
   * A stream the worker holds: `received`, bytes the loop sent to write; `loopPaused`, the
   * loop asked it to stop reading; `roomPaused`, reading stopped because the ring to the loop
   * is full (so a loop that does not read cannot make this thread's memory grow).
   */
  type Entry = {
    socket: any;
    received: number;
    wantDrain: boolean;
    loopPaused: boolean;
    roomPaused: boolean;
  };
  const streams = new Map<number, Entry>();
  const pausedForRoom: Entry[] = [];
  function newEntry(socket: any): Entry {
    return { socket, received: 0, wantDrain: false, loopPaused: false, roomPaused: false };
  }
  const servers = new Map<number, any>();
  const children = new Map<number, any>();
  let nextId = -1;

  function wake(): void {
    Atomics.store(cell, 0, 1);
    Atomics.notify(cell, 0);
  }
  // The cell is set at once (a loop that spins on it sees the record now); the notification,
  // a system call that wakes a loop parked in Atomics.wait, once per host callback, and only
  // if the loop has not already taken what was sent (it clears the cell first).
  let notifyPending = false;
  function notifyLoop(): void {
    notifyPending = false;
    if (Atomics.load(cell, 0) !== 0) Atomics.notify(cell, 0);
  }
  /** Something was sent to the loop: tell it, then poll for its answer. */
  function sent(): void {
    Atomics.store(cell, 0, 1);
    if (!notifyPending) {
      notifyPending = true;
      queueMicrotask(notifyLoop);
    }
    activity();
  }
  /** Posts an event as a port message, announced in the ring. */
  function post(message: any, transfer?: any[]): void {
    if (transfer === undefined) port.postMessage(message);
    else port.postMessage(message, transfer);
    toLoop.send(kinds.Message, 0, 0, null);
    sent();
  }
  /**
   * Sends bytes read from `entry` (resource `id`), in the ring unless too large for it. If
   * the ring is full, the bytes wait here in order and the socket stops reading until the
   * loop has made room.
   */
  function postData(id: number, entry: Entry, chunk: Uint8Array): void {
    const flushedBytes = flushed(entry);
    if (chunk.length > maxInline) {
      const copy = new Uint8Array(chunk);
      post({ ev: 'data', id, data: copy, w: flushedBytes }, [copy.buffer]);
    } else if (!toLoop.send(kinds.Data, id, flushedBytes, chunk) && !entry.roomPaused) {
      entry.roomPaused = true;
      entry.socket.pause();
      pausedForRoom.push(entry);
    }
    sent();
  }
  /** The ring has room again: sockets stopped for lack of it read again. */
  function resumeForRoom(): void {
    for (const entry of pausedForRoom) {
      entry.roomPaused = false;
      if (!entry.loopPaused) entry.socket.resume();
    }
    pausedForRoom.length = 0;
  }
  function postDrained(id: number, flushedBytes: number): void {
    toLoop.send(kinds.Drained, id, flushedBytes, null);
    sent();
  }

  // Polling and sleeping (see the comment above).
  // The signal words (io-worker.ts has the same): the doorbell, "asleep", "gone".
  const DOORBELL = 0;
  const ASLEEP = 1;
  const GONE = 2;
  let polling = false;
  let doorbellWait = false;
  let lastTraffic = 0;
  function activity(): void {
    lastTraffic = clock.now();
    if (polling) return;
    polling = true;
    Atomics.store(signals, ASLEEP, 0);
    setImmediate(tick);
  }
  function tick(): void {
    if (pump() > 0) lastTraffic = clock.now();
    if (clock.now() - lastTraffic < POLL_MS) {
      setImmediate(tick);
      return;
    }
    polling = false;
    sleep();
  }
  function sleep(): void {
    // Say so first, then look once more: the loop stores a record, then reads this flag.
    Atomics.store(signals, ASLEEP, 1);
    if (fromLoop.pending()) {
      activity();
      return;
    }
    if (doorbellWait) return;
    const bell = signals;
    const result = (Atomics as any).waitAsync(bell, DOORBELL, 0);
    if (!result.async) {
      onDoorbell(bell);
      return;
    }
    doorbellWait = true;
    result.value.then(() => {
      doorbellWait = false;
      onDoorbell(bell);
    });
  }
  function onDoorbell(bell: Int32Array): void {
    Atomics.store(bell, DOORBELL, 0);
    activity();
  }
  /** Handles every request the loop sent; returns how many. */
  function pump(): number {
    if (toLoop.flush() > 0) wake();
    // Whichever call emptied the kept records (this one, or a later send's), read again.
    if (pausedForRoom.length > 0 && !toLoop.keeping()) resumeForRoom();
    const count = fromLoop.receive(onRecord);
    // The loop kept requests for lack of room: it has room now.
    if (fromLoop.takeSenderWaiting()) wake();
    return count;
  }
  function onRecord(kind: number, id: number, _aux: number, bytes: Uint8Array): void {
    try {
      if (kind === kinds.Write) writeTo(id, Buffer.from(bytes));
      else if (kind === kinds.WantDrain) reportWhenDrained(id);
      else if (kind === kinds.Message) {
        const received = receiveMessageOnPort(port);
        if (received === undefined) return;
        id = received.message.id;
        const handler = handlers[received.message.op];
        if (handler !== undefined) handler(received.message);
      }
    } catch (e) {
      post({ ev: 'failed', id, error: errorOf(e) });
    }
  }

  /** Writes bytes the loop sent for `id` (from the ring, or a port message if large). */
  function writeTo(id: number, data: Uint8Array): void {
    const entry = streams.get(id);
    if (entry === undefined) return;
    entry.received += data.length;
    entry.socket.write(data);
  }

  /** Reports `id` drained now if its writes are flushed, else at its next 'drain'. */
  function reportWhenDrained(id: number): void {
    const entry = streams.get(id);
    if (entry === undefined) return;
    if (entry.socket.writableLength === 0) postDrained(id, flushed(entry));
    else entry.wantDrain = true;
  }

  function errorOf(error: any): any {
    return {
      message: String(
        error !== null && error !== undefined && 'message' in error ? error.message : error,
      ),
      code: error && typeof error.code === 'string' ? error.code : undefined,
      errno: error && typeof error.errno === 'number' ? error.errno : undefined,
      syscall: error && typeof error.syscall === 'string' ? error.syscall : undefined,
    };
  }

  function addresses(socket: any, path: string | undefined, serverSide: boolean): any {
    if (path !== undefined) return { path, serverSide };
    return {
      localAddress: socket.localAddress,
      localPort: socket.localPort,
      localFamily: socket.localFamily,
      remoteAddress: socket.remoteAddress,
      remotePort: socket.remotePort,
      remoteFamily: socket.remoteFamily,
    };
  }

  /** Bytes the loop sent for `id` that the socket has handed to the kernel. */
  function flushed(entry: { socket: any; received: number }): number {
    return entry.received - (entry.socket.writableLength || 0);
  }

  function attach(id: number, socket: any): void {
    const entry = newEntry(socket);
    streams.set(id, entry);
    let error: any;
    socket.on('data', (chunk: Uint8Array) => postData(id, entry, chunk));
    socket.on('end', () => post({ ev: 'eof', id }));
    socket.on('drain', () => {
      if (!entry.wantDrain) return;
      entry.wantDrain = false;
      postDrained(id, flushed(entry));
    });
    socket.on('error', (e: any) => {
      if (error === undefined) error = errorOf(e);
    });
    socket.on('close', () => {
      streams.delete(id);
      post({ ev: 'closed', id, error: error === undefined ? null : error });
    });
  }

  function withSocket(id: number, action: (socket: any) => void): void {
    const entry = streams.get(id);
    if (entry !== undefined) action(entry.socket);
  }

  function close(socket: any): void {
    socket.pause();
    if (socket.writableFinished || !socket.writable) socket.destroy();
    else {
      socket.once('finish', () => socket.destroy());
      if (!socket.writableEnded) socket.end();
    }
  }

  const handlers: Record<string, (m: any) => void> = {
    connect(m) {
      const options =
        m.path !== undefined
          ? { path: m.path, allowHalfOpen: true }
          : { host: m.host, port: m.port, allowHalfOpen: true };
      const socket = net.connect(options);
      socket.setNoDelay(true);
      let connected = false;
      const onError = (e: any) => {
        if (connected) return;
        streams.delete(m.id);
        post({ ev: 'connectFailed', id: m.id, error: errorOf(e) });
      };
      socket.once('error', onError);
      // Aborted before it connected (the connect was cancelled): tell the loop it is gone.
      socket.once('close', () => {
        if (connected) return;
        streams.delete(m.id);
        post({ ev: 'closed', id: m.id, error: null });
      });
      socket.once('connect', () => {
        connected = true;
        socket.removeListener('error', onError);
        attach(m.id, socket);
        post({ ev: 'connected', id: m.id, addresses: addresses(socket, m.path, false) });
      });
      streams.set(m.id, newEntry(socket));
    },
    listen(m) {
      const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: false });
      const onError = (e: any) => post({ ev: 'listenFailed', id: m.id, error: errorOf(e) });
      server.once('error', onError);
      server.on('connection', (socket: any) => {
        socket.setNoDelay(true);
        const id = nextId--;
        attach(id, socket);
        post({ ev: 'accepted', id: m.id, conn: id, addresses: addresses(socket, m.path, true) });
      });
      const options =
        m.path !== undefined
          ? { path: m.path, backlog: m.backlog }
          : { host: m.host, port: m.port, backlog: m.backlog };
      server.listen(options, () => {
        server.removeListener('error', onError);
        servers.set(m.id, server);
        post({ ev: 'listening', id: m.id, address: server.address() });
      });
    },
    serverClose(m) {
      const server = servers.get(m.id);
      servers.delete(m.id);
      if (server === undefined) return;
      server.close(() => post({ ev: 'serverClosed', id: m.id }));
    },
    write(m) {
      writeTo(m.id, m.data);
    },
    writeEof(m) {
      withSocket(m.id, (socket) => socket.end());
    },
    close(m) {
      const entry = streams.get(m.id);
      if (entry !== undefined) close(entry.socket);
    },
    abort(m) {
      withSocket(m.id, (socket) => socket.destroy());
    },
    pause(m) {
      const entry = streams.get(m.id);
      if (entry === undefined) return;
      entry.loopPaused = true;
      entry.socket.pause();
    },
    resume(m) {
      const entry = streams.get(m.id);
      if (entry === undefined) return;
      entry.loopPaused = false;
      if (!entry.roomPaused) entry.socket.resume();
    },
    spawn(m) {
      let child: any;
      try {
        child = childProcess.spawn(m.file, m.args, {
          cwd: m.cwd,
          env: m.env,
          stdio: m.stdio,
          shell: false,
        });
      } catch (e) {
        post({ ev: 'spawnFailed', id: m.id, error: errorOf(e) });
        return;
      }
      child.once('error', (e: any) => {
        if (child.pid === undefined) post({ ev: 'spawnFailed', id: m.id, error: errorOf(e) });
      });
      if (child.pid === undefined) return;
      children.set(m.id, child);
      const pipes = [child.stdin, child.stdout, child.stderr];
      for (let fd = 0; fd < 3; fd++) {
        const pipeId = m.pipeIds[fd];
        if (pipeId !== null && pipes[fd] !== null) attach(pipeId, pipes[fd]);
      }
      child.once('exit', (code: number | null, signal: string | null) => {
        children.delete(m.id);
        post({ ev: 'exit', id: m.id, code, signal });
      });
      post({ ev: 'spawned', id: m.id, pid: child.pid });
    },
    kill(m) {
      const child = children.get(m.id);
      if (child === undefined) return;
      try {
        child.kill(m.signal);
      } catch (e) {
        post({ ev: 'killFailed', id: m.id, error: errorOf(e) });
      }
    },
  };

  // The loop closes: everything left goes at once, children are killed, then the loop
  // (blocked in Atomics.wait on `ack`) is told it is done.
  handlers.shutdown = (m) => {
    for (const entry of streams.values()) entry.socket.destroy();
    for (const server of servers.values()) server.close();
    const ack = new Int32Array(m.ack);
    const done = (): void => {
      Atomics.store(ack, 0, 1);
      Atomics.notify(ack, 0);
    };
    // Wait for the killed children to be reaped here: once this thread is gone, nothing
    // would collect their exit status and they would stay zombies.
    let left = children.size;
    if (left === 0) done();
    for (const child of children.values()) {
      child.once('exit', () => {
        left--;
        if (left === 0) done();
      });
      child.kill('SIGKILL');
    }
    if (left > 0) setTimeout(done, 900);
    streams.clear();
    servers.clear();
    children.clear();
  };

  // The loop closed and another takes this thread over (io-thread.ts): its channel and port
  // from now on. A wait on the old doorbell is ended, so that sleeping waits on the new one.
  handlers.rebind = (m) => {
    const old = signals;
    port.close();
    port = m.port;
    cell = m.cell;
    signals = m.signals;
    fromLoop = ring.receiver(m.toWorker);
    toLoop = ring.sender(m.toLoop);
    maxInline = ring.maxInline(m.toLoop);
    pausedForRoom.length = 0;
    Atomics.store(old, DOORBELL, 1);
    Atomics.notify(old, DOORBELL);
    activity();
  };

  // Kept alive by this timer (a pending waitAsync keeps no event loop alive); the thread is
  // unref'd, so it never keeps the process alive.
  setInterval(() => {}, 1 << 30);
  activity();
  // A blocked run cannot see the worker's 'exit' event: tell it through the cell, at once
  // (no microtask runs after 'exit').
  require('node:process').on('exit', () => {
    Atomics.store(signals, GONE, 1);
    wake();
  });
}
