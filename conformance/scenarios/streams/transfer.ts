import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import {
  openConnection,
  type ServerSocket,
  type StreamReader,
  type StreamWriter,
  startServer,
} from '@asyncio-ts/streams';
import type { Print } from '../../src/pyfmt.js';

const SIZE = 1024 * 1024;

function pattern(): Uint8Array {
  const out = new Uint8Array(SIZE);
  for (let i = 0; i < SIZE; i++) out[i] = i % 251;
  return out;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function* echo(reader: StreamReader, writer: StreamWriter): Coroutine<void> {
  for (;;) {
    const data = yield* reader.read(65536);
    if (data.length === 0) break;
    writer.write(data);
    yield* writer.drain();
  }
  writer.close();
}

function* push(_reader: StreamReader, writer: StreamWriter): Coroutine<void> {
  writer.write(pattern());
  yield* writer.drain();
  writer.close();
  yield* writer.waitClosed();
}

export function* main(print: Print): Coroutine<void> {
  const payload = pattern();
  let server = yield* startServer(echo, '127.0.0.1', 0);
  let port = ((server.sockets[0] as ServerSocket).getsockname() as [string, number])[1];
  let [reader, writer] = yield* openConnection('127.0.0.1', port);

  const w = writer;
  const sender = getRunningLoop().createTask(
    (function* () {
      for (let at = 0; at < SIZE; at += 65536) {
        w.write(payload.subarray(at, at + 65536));
        yield* w.drain();
      }
      w.writeEof();
    })(),
  );
  const back = yield* reader.read();
  yield* sender;
  print('echoed:', back.length, same(back, payload));
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();

  server = yield* startServer(push, '127.0.0.1', 0);
  port = ((server.sockets[0] as ServerSocket).getsockname() as [string, number])[1];
  [reader, writer] = yield* openConnection('127.0.0.1', port);
  const first = yield* reader.readExactly(10);
  const rest = yield* reader.read();
  print('pushed:', first.length + rest.length, same(concat(first, rest), payload), reader.atEof());
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}

export default function (print: Print): void {
  run(() => main(print));
}
