import { existsSync } from 'node:fs';
import { CancelledError, getRunningLoop, TimeoutError } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, timeout } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';
import {
  ConnectionRefusedError,
  type FileNotFoundError,
  type IncompleteReadError,
  openConnection,
  openUnixConnection,
  type Server,
  type ServerSocket,
  type StreamReader,
  type StreamWriter,
  startServer,
  startUnixServer,
} from '../src/index.js';
import { bytes, MODES, type Mode, runIn, socketPath, text } from './support.js';

function* echo(reader: StreamReader, writer: StreamWriter) {
  for (;;) {
    const data = yield* reader.read(65536);
    if (data.length === 0) break;
    writer.write(data);
    yield* writer.drain();
  }
  writer.close();
  yield* writer.waitClosed();
}

function portOf(server: Server): number {
  return ((server.sockets[0] as ServerSocket).getsockname() as [string, number])[1];
}

function* closeServer(server: Server) {
  server.close();
  yield* server.waitClosed();
}

const modes: Mode[] = (process.env.STREAMS_MODES?.split(',') as Mode[] | undefined) ?? MODES;

describe.each<Mode>(modes)('streams in %s', (mode) => {
  it('serves 50 concurrent clients, each with its own task', async () => {
    const out = await runIn(mode, function* () {
      const server = yield* startServer(
        function* (reader, writer) {
          const line = yield* reader.readline();
          writer.write(bytes(`echo ${text(line)}`));
          yield* writer.drain();
          writer.close();
        },
        '127.0.0.1',
        0,
      );
      const port = portOf(server);
      function* client(i: number) {
        const [reader, writer] = yield* openConnection('127.0.0.1', port);
        writer.write(bytes(`client ${i}\n`));
        const reply = text(yield* reader.read(-1));
        writer.close();
        yield* writer.waitClosed();
        return reply;
      }
      const replies = yield* gather(Array.from({ length: 50 }, (_, i) => client(i)));
      yield* closeServer(server);
      return replies;
    });
    expect(out).toEqual(Array.from({ length: 50 }, (_, i) => `echo client ${i}\n`));
  });

  it('moves 1 MiB each way through an echo server with drain()', async () => {
    const size = 1024 * 1024;
    const out = await runIn(mode, function* () {
      const server = yield* startServer(echo, '127.0.0.1', 0);
      const [reader, writer] = yield* openConnection('127.0.0.1', portOf(server));
      const payload = new Uint8Array(size);
      for (let i = 0; i < size; i++) payload[i] = i % 251;
      const loop = getRunningLoop();
      const sender = loop.createTask(
        (function* () {
          for (let at = 0; at < size; at += 65536) {
            writer.write(payload.subarray(at, at + 65536));
            yield* writer.drain();
          }
          writer.writeEof();
        })(),
      );
      const back = yield* reader.read(-1);
      yield* sender;
      writer.close();
      yield* writer.waitClosed();
      yield* closeServer(server);
      let same = back.length === size;
      for (let i = 0; same && i < size; i++) same = back[i] === payload[i];
      return [back.length, same];
    });
    expect(out).toEqual([size, true]);
  });

  it('drain() waits while the peer does not read, so the buffer stays bounded', async () => {
    const out = await runIn(mode, function* () {
      const loop = getRunningLoop();
      const gate = loop.createFuture<void>();
      const server = yield* startServer(
        function* (reader, writer) {
          yield* gate;
          const all = yield* reader.read(-1);
          writer.write(bytes(String(all.length)));
          writer.close();
        },
        '127.0.0.1',
        0,
      );
      const [reader, writer] = yield* openConnection('127.0.0.1', portOf(server));
      const chunk = new Uint8Array(64 * 1024);
      let written = 0;
      let blocked = false;
      for (let i = 0; i < 400 && !blocked; i++) {
        writer.write(chunk);
        written += chunk.length;
        const drain = loop.createTask(writer.drain());
        yield* sleep(0);
        yield* sleep(0);
        if (!drain.done()) {
          blocked = true;
          gate.setResult(undefined);
          yield* drain;
        }
      }
      writer.writeEof();
      const total = Number(text(yield* reader.read(-1)));
      writer.close();
      yield* closeServer(server);
      return [blocked, total === written];
    });
    expect(out).toEqual([true, true]);
  });

  it('write() after writeEof() is a RuntimeError, as in asyncio; the peer still reads to EOF', async () => {
    const out = await runIn(mode, function* () {
      const server = yield* startServer(
        function* (reader, writer) {
          writer.write(yield* reader.read(-1));
          writer.close();
        },
        '127.0.0.1',
        0,
      );
      const [reader, writer] = yield* openConnection('127.0.0.1', portOf(server));
      writer.write(bytes('before'));
      writer.writeEof();
      let error = '';
      try {
        writer.write(bytes('after'));
      } catch (e) {
        error = `${(e as Error).name}: ${(e as Error).message}`;
      }
      const echoed = text(yield* reader.read(-1));
      writer.close();
      yield* closeServer(server);
      return [error, echoed];
    });
    expect(out).toEqual(['RuntimeError: Cannot call write() after writeEof()', 'before']);
  });

  it('a loop that stops reading for a while still gets every byte, in order', async () => {
    const out = await runIn(mode, function* () {
      const size = 6 * 1024 * 1024; // several times the I/O worker's ring
      const server = yield* startServer(
        function* (_reader, writer) {
          for (let at = 0; at < size; at += 65536) {
            writer.write(new Uint8Array(65536).map((_, k) => (at / 65536 + k) & 255));
          }
          yield* writer.drain();
          writer.close();
        },
        '127.0.0.1',
        0,
      );
      const [reader, writer] = yield* openConnection('127.0.0.1', portOf(server));
      // The thread is busy (not reading) while the peer sends everything.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
      const data = yield* reader.read(-1);
      let wrong = 0;
      for (let at = 0; at < data.length; at += 65536) {
        for (let k = 0; k < 65536; k += 4099) {
          if (data[at + k] !== ((at / 65536 + k) & 255)) wrong++;
        }
      }
      writer.close();
      yield* closeServer(server);
      return [data.length, wrong];
    });
    expect(out).toEqual([6 * 1024 * 1024, 0]);
  });

  it('EOF: readExactly past the end gives IncompleteReadError, atEof() turns true', async () => {
    const out = await runIn(mode, function* () {
      const server = yield* startServer(
        function* (_reader, writer) {
          writer.write(bytes('short'));
          writer.writeEof();
          yield* writer.drain();
        },
        '127.0.0.1',
        0,
      );
      const [reader, writer] = yield* openConnection('127.0.0.1', portOf(server));
      let error: IncompleteReadError | null = null;
      try {
        yield* reader.readExactly(10);
      } catch (e) {
        error = e as IncompleteReadError;
      }
      const result = [
        error?.name,
        text(error?.partial ?? new Uint8Array()),
        error?.expected,
        reader.atEof(),
        writer.canWriteEof(),
      ];
      writer.close();
      yield* writer.waitClosed();
      yield* closeServer(server);
      return result;
    });
    expect(out).toEqual(['IncompleteReadError', 'short', 10, true, true]);
  });

  it('a refused connection is a ConnectionRefusedError that keeps code ECONNREFUSED', async () => {
    const error = await runIn(mode, function* () {
      const server = yield* startServer(echo, '127.0.0.1', 0);
      const port = portOf(server);
      yield* closeServer(server);
      try {
        yield* openConnection('127.0.0.1', port);
      } catch (e) {
        return e as ConnectionRefusedError;
      }
      return null;
    });
    expect(error).toBeInstanceOf(ConnectionRefusedError);
    expect(error?.name).toBe('ConnectionRefusedError');
    expect(error?.code).toBe('ECONNREFUSED');
  });

  it('a peer that resets mid-read gives ConnectionResetError or IncompleteReadError, not a hang', async () => {
    const out = await runIn(mode, function* () {
      const server = yield* startServer(
        function* (reader, writer) {
          yield* reader.read(1);
          writer.transport.abort();
        },
        '127.0.0.1',
        0,
      );
      const [reader, writer] = yield* openConnection('127.0.0.1', portOf(server));
      writer.write(bytes('x'));
      let name = '';
      try {
        yield* reader.readExactly(100);
      } catch (e) {
        name = (e as Error).name;
      }
      writer.close();
      yield* closeServer(server);
      return name;
    });
    expect(['ConnectionResetError', 'IncompleteReadError']).toContain(out);
  });

  it('a cancelled read and a read under timeout() leave the stream usable', async () => {
    const out = await runIn(mode, function* () {
      const loop = getRunningLoop();
      const server = yield* startServer(echo, '127.0.0.1', 0);
      const [reader, writer] = yield* openConnection('127.0.0.1', portOf(server));
      const pending = loop.createTask(reader.readline());
      yield* sleep(0.01);
      pending.cancel();
      let cancelled = false;
      try {
        yield* pending;
      } catch (e) {
        cancelled = e instanceof CancelledError;
      }
      let timedOut = false;
      try {
        yield* timeout(0.05, () => reader.readline());
      } catch (e) {
        timedOut = e instanceof TimeoutError;
      }
      writer.write(bytes('still works\n'));
      const line = text(yield* reader.readline());
      writer.close();
      yield* writer.waitClosed();
      yield* closeServer(server);
      return [cancelled, timedOut, line];
    });
    expect(out).toEqual([true, true, 'still works\n']);
  });

  it('Unix sockets: startUnixServer/openUnixConnection, addresses are paths', async () => {
    const path = socketPath();
    const out = await runIn(mode, function* () {
      let serverSide: unknown;
      const server = yield* startUnixServer(function* (reader, writer) {
        serverSide = writer.getExtraInfo('sockname');
        yield* echo(reader, writer);
      }, path);
      const [reader, writer] = yield* openUnixConnection(path);
      writer.write(bytes('over unix\n'));
      const line = text(yield* reader.readline());
      const peer = writer.getExtraInfo('peername');
      writer.close();
      yield* writer.waitClosed();
      yield* closeServer(server);
      return [line, peer, serverSide, server.sockets.length];
    });
    expect(out).toEqual(['over unix\n', path, path, 0]);
    expect(existsSync(path)).toBe(false);
  });

  it('a missing Unix socket path is a FileNotFoundError (ENOENT)', async () => {
    const error = await runIn(mode, function* () {
      try {
        yield* openUnixConnection(socketPath());
      } catch (e) {
        return e as FileNotFoundError;
      }
      return null;
    });
    expect(error?.name).toBe('FileNotFoundError');
    expect(error?.code).toBe('ENOENT');
  });

  it('serveForever: cancelling it closes the server; waitClosed waits for the connections (3.12)', async () => {
    const out = await runIn(mode, function* () {
      const loop = getRunningLoop();
      const events: string[] = [];
      const server = yield* startServer(
        function* (reader, writer) {
          yield* reader.read(-1);
          events.push('handler done');
          writer.close();
        },
        '127.0.0.1',
        0,
      );
      const forever = loop.createTask(server.serveForever());
      const [, writer] = yield* openConnection('127.0.0.1', portOf(server));
      yield* sleep(0.01);
      events.push(`serving ${server.isServing()}`);
      forever.cancel();
      const closed = loop.createTask(server.waitClosed());
      yield* sleep(0.01);
      events.push(`serving ${server.isServing()}, closed ${closed.done()}`);
      writer.close();
      yield* closed;
      events.push('wait_closed returned');
      try {
        yield* forever;
      } catch (e) {
        events.push(`serveForever: ${(e as Error).name}`);
      }
      return events;
    });
    expect(out).toEqual([
      'serving true',
      'serving false, closed false',
      'handler done',
      'wait_closed returned',
      'serveForever: CancelledError',
    ]);
  });

  it('an exception in clientConnected reaches the exception handler and closes the connection', async () => {
    const out = await runIn(mode, function* () {
      const loop = getRunningLoop();
      const seen: string[] = [];
      loop.setExceptionHandler((_loop, context) => {
        seen.push(`${context.message}: ${String(context.exception)}`);
      });
      const server = yield* startServer(
        function* () {
          yield* sleep(0);
          throw new Error('handler failed');
        },
        '127.0.0.1',
        0,
      );
      const [reader, writer] = yield* openConnection('127.0.0.1', portOf(server));
      const rest = yield* reader.read(-1);
      writer.close();
      yield* closeServer(server);
      loop.setExceptionHandler(null);
      return [rest.length, seen];
    });
    expect(out).toEqual([0, ['Unhandled exception in client_connected_cb: Error: handler failed']]);
  });

  it('a cancelled drain() leaves the writer usable; writing to a vanished peer fails drain()', async () => {
    const out = await runIn(mode, function* () {
      const loop = getRunningLoop();
      const gate = loop.createFuture<void>();
      const server = yield* startServer(
        function* (_reader, writer) {
          yield* gate;
          // Unread bytes are still queued: closing now resets the connection.
          writer.transport.abort();
        },
        '127.0.0.1',
        0,
      );
      const [, writer] = yield* openConnection('127.0.0.1', portOf(server));
      const chunk = new Uint8Array(256 * 1024);
      let cancelled = false;
      for (let i = 0; i < 200 && !cancelled; i++) {
        writer.write(chunk);
        const drain = loop.createTask(writer.drain());
        yield* sleep(0.001);
        if (!drain.done()) {
          drain.cancel();
          try {
            yield* drain;
          } catch (e) {
            cancelled = e instanceof CancelledError;
          }
        }
      }
      gate.setResult(undefined);
      yield* sleep(0.05);
      let failure = '';
      for (const end = loop.time() + 5; failure === '' && loop.time() < end; ) {
        try {
          writer.write(chunk);
          yield* writer.drain();
          yield* sleep(0.005);
        } catch (e) {
          failure = (e as Error).name;
        }
      }
      writer.close();
      yield* closeServer(server);
      return [cancelled, failure];
    });
    expect(out[0]).toBe(true);
    expect(['ConnectionResetError', 'BrokenPipeError']).toContain(out[1]);
  });

  it('writes after close are dropped; getExtraInfo has a default; bad arguments are TypeErrors', async () => {
    const out = await runIn(mode, function* () {
      const server = yield* startServer(echo, '127.0.0.1', 0);
      expect(() => openConnection('127.0.0.1', 70000)).toThrow(TypeError);
      expect(() => openConnection('', 1)).toThrow(TypeError);
      expect(() => startServer('nope' as never, '127.0.0.1', 0)).toThrow(TypeError);
      const [reader, writer] = yield* openConnection('127.0.0.1', portOf(server));
      expect(() => writer.write('text' as never)).toThrow(
        new TypeError('data must be a Uint8Array, got string'),
      );
      writer.writelines([bytes('a'), bytes('b\n')]);
      const line = text(yield* reader.readline());
      writer.close();
      writer.write(bytes('dropped'));
      yield* writer.waitClosed();
      yield* closeServer(server);
      return [line, writer.isClosing(), writer.getExtraInfo('nothing', 'fallback')];
    });
    expect(out).toEqual(['ab\n', true, 'fallback']);
  });

  it('a cancelled connect leaves nothing behind', async () => {
    const out = await runIn(mode, function* () {
      const loop = getRunningLoop();
      const server = yield* startServer(echo, '127.0.0.1', 0);
      const connecting = loop.createTask(openConnection('127.0.0.1', portOf(server)));
      yield* sleep(0); // the connect is under way
      connecting.cancel();
      let cancelled = false;
      try {
        const [, early] = yield* connecting; // it may have connected first: then close it
        early.close();
        cancelled = true;
      } catch (e) {
        cancelled = e instanceof CancelledError;
      }
      const [reader, writer] = yield* openConnection('127.0.0.1', portOf(server));
      writer.write(bytes('after\n'));
      const line = text(yield* reader.readline());
      writer.close();
      yield* writer.waitClosed();
      yield* closeServer(server);
      return [cancelled, line];
    });
    expect(out).toEqual([true, 'after\n']);
  });

  it('IPv6 loopback: addresses are 4-tuples, as in Python', async () => {
    const out = await runIn(mode, function* () {
      const server = yield* startServer(echo, '::1', 0);
      const address = (server.sockets[0] as ServerSocket).getsockname();
      const [reader, writer] = yield* openConnection('::1', address[1] as number);
      writer.write(bytes('six\n'));
      const line = text(yield* reader.readline());
      const peer = writer.getExtraInfo('peername');
      writer.close();
      yield* writer.waitClosed();
      yield* closeServer(server);
      return [line, address[0], address.length, peer];
    });
    expect(out).toEqual(['six\n', '::1', 4, ['::1', expect.any(Number), 0, 0]]);
  });

  it('closing the writer feeds EOF to its reader; several tasks may wait in drain() at once', async () => {
    const out = await runIn(mode, function* () {
      const loop = getRunningLoop();
      const gate = loop.createFuture<void>();
      const server = yield* startServer(
        function* (reader, writer) {
          yield* gate;
          yield* reader.read(-1);
          writer.close();
        },
        '127.0.0.1',
        0,
      );
      const [reader, writer] = yield* openConnection('127.0.0.1', portOf(server));
      const chunk = new Uint8Array(512 * 1024);
      let drains: ReturnType<typeof loop.createTask>[] = [];
      for (let i = 0; i < 100; i++) {
        writer.write(chunk);
        drains = [loop.createTask(writer.drain()), loop.createTask(writer.drain())];
        yield* sleep(0.001);
        if (!drains.some((d) => d.done())) break;
      }
      const bothWaiting = drains.every((d) => !d.done());
      gate.setResult(undefined);
      for (const d of drains) yield* d;
      writer.close();
      yield* writer.waitClosed();
      yield* closeServer(server);
      return [bothWaiting, reader.atEof()];
    });
    expect(out).toEqual([true, true]);
  });
});
