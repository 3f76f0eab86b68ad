/**
 * The I/O worker's program: the selector of a blocking run. It owns sockets, servers and
 * child processes on its own host event loop, posts what happens to the loop's port, and
 * wakes the loop by notifying its wake cell (core-loop's wake path: store 1, notify).
 *
 * It runs from source text (`new Worker(code, { eval: true })`), so this function must be
 * self-contained: no imports, no outer variables, only `require` and the worker data; and it
 * must not use syntax a build may turn into helper calls (`?.`, `??`, `??=`: the CJS build
 * does), since the helpers would not exist in the worker. A test checks the built text.
 */
// biome-ignore-all lint/suspicious/noExplicitAny: the worker speaks in plain cloned messages
export function ioWorkerMain(require: (id: string) => any, data: any): void {
  const net = require('node:net');
  const childProcess = require('node:child_process');
  const port = data.port;
  const cell: Int32Array = data.cell;

  // What the worker holds, by id (ids from the loop are > 0, the worker's own are < 0).
  const streams = new Map<number, { socket: any; received: number; wantDrain: boolean }>();
  const servers = new Map<number, any>();
  const children = new Map<number, any>();
  let nextId = -1;

  let wakePending = false;
  function wake(): void {
    wakePending = false;
    Atomics.store(cell, 0, 1);
    Atomics.notify(cell, 0);
  }
  // One notification for everything posted during one host callback.
  function post(message: any, transfer?: any[]): void {
    if (transfer === undefined) port.postMessage(message);
    else port.postMessage(message, transfer);
    if (!wakePending) {
      wakePending = true;
      queueMicrotask(wake);
    }
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
    const entry = { socket, received: 0, wantDrain: false };
    streams.set(id, entry);
    let error: any;
    socket.on('data', (chunk: Uint8Array) => {
      const copy = new Uint8Array(chunk);
      post({ ev: 'data', id, data: copy, w: flushed(entry) }, [copy.buffer]);
    });
    socket.on('end', () => post({ ev: 'eof', id }));
    socket.on('drain', () => {
      if (!entry.wantDrain) return;
      entry.wantDrain = false;
      post({ ev: 'drained', id, w: flushed(entry) });
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
      streams.set(m.id, { socket, received: 0, wantDrain: false });
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
      const entry = streams.get(m.id);
      if (entry === undefined) return;
      entry.received += m.data.length;
      entry.socket.write(m.data);
    },
    wantDrain(m) {
      const entry = streams.get(m.id);
      if (entry === undefined) return;
      if (entry.socket.writableLength === 0) post({ ev: 'drained', id: m.id, w: flushed(entry) });
      else entry.wantDrain = true;
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
      withSocket(m.id, (socket) => socket.pause());
    },
    resume(m) {
      withSocket(m.id, (socket) => socket.resume());
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

  port.on('message', (message: any) => {
    const handler = handlers[message.op];
    if (handler === undefined) return;
    try {
      handler(message);
    } catch (e) {
      post({ ev: 'failed', id: message.id, error: errorOf(e) });
    }
  });
  // A blocked run cannot see the worker's 'exit' event: tell it through the cell, at once
  // (no microtask runs after 'exit').
  require('node:process').on('exit', () => {
    port.postMessage({ ev: 'workerExit', id: 0 });
    wake();
  });
}
