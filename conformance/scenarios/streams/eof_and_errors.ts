import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Coroutine, run } from '@asyncio-ts/core-loop';
import {
  IncompleteReadError,
  LimitOverrunError,
  OSError,
  openConnection,
  openUnixConnection,
  type ServerSocket,
  type StreamReader,
  type StreamWriter,
  startServer,
} from '@asyncio-ts/streams';
import type { Print } from '../../src/pyfmt.js';

const encode = (s: string) => new TextEncoder().encode(s);

/** Python's repr of bytes (printable ASCII and \n here). */
class Bytes {
  constructor(readonly data: Uint8Array) {}
  toString(): string {
    const body = Array.from(this.data, (c) => (c === 10 ? '\\n' : String.fromCharCode(c))).join('');
    return `b'${body}'`;
  }
}
const b = (data: Uint8Array) => String(new Bytes(data));

function* sendAndClose(reader: StreamReader, writer: StreamWriter): Coroutine<void> {
  writer.write(encode('line one\npartial'));
  yield* writer.drain();
  writer.writeEof();
  yield* reader.read();
  writer.close();
}

function* longLines(reader: StreamReader, writer: StreamWriter): Coroutine<void> {
  writer.write(encode(`${'x'.repeat(20)}\nshort\n${'y'.repeat(30)}`));
  writer.writeEof();
  yield* reader.read();
  writer.close();
}

export function* main(print: Print): Coroutine<void> {
  let server = yield* startServer(sendAndClose, '127.0.0.1', 0);
  let port = ((server.sockets[0] as ServerSocket).getsockname() as [string, number])[1];
  for (const what of ['readline', 'readexactly', 'readuntil', 'read']) {
    const [reader, writer] = yield* openConnection('127.0.0.1', port);
    print(what, 'first line:', b(yield* reader.readline()));
    try {
      if (what === 'readline') print(' ', b(yield* reader.readline()), b(yield* reader.readline()));
      else if (what === 'readexactly') yield* reader.readExactly(20);
      else if (what === 'readuntil') yield* reader.readUntil(encode('!'));
      else print(' ', b(yield* reader.read()), b(yield* reader.read()));
    } catch (e) {
      if (!(e instanceof IncompleteReadError)) throw e;
      print(' ', e.name, b(e.partial), e.expected, e.message);
    }
    print('  at_eof:', reader.atEof(), 'can_write_eof:', writer.canWriteEof());
    writer.close();
    yield* writer.waitClosed();
  }
  {
    const [, writer] = yield* openConnection('127.0.0.1', port);
    writer.writeEof();
    try {
      writer.write(encode('late'));
    } catch (e) {
      print('write after write_eof:', (e as Error).name);
    }
    writer.close();
    yield* writer.waitClosed();
  }
  server.close();
  yield* server.waitClosed();

  server = yield* startServer(longLines, '127.0.0.1', 0, { limit: 10 });
  port = ((server.sockets[0] as ServerSocket).getsockname() as [string, number])[1];
  const [reader, writer] = yield* openConnection('127.0.0.1', port, { limit: 10 });
  try {
    yield* reader.readline();
  } catch (e) {
    // asyncio's ValueError is a RangeError here.
    if (e instanceof RangeError) print('readline:', 'ValueError', e.message);
  }
  print('next line:', b(yield* reader.readline()));
  try {
    yield* reader.readUntil(encode('\n'));
  } catch (e) {
    if (e instanceof LimitOverrunError) print('readuntil:', e.name, e.message, e.consumed);
  }
  print('still there:', (yield* reader.read()).length);
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();

  try {
    yield* openConnection('127.0.0.1', port);
  } catch (e) {
    print('closed port:', (e as Error).name, e instanceof OSError);
  }
  try {
    yield* openUnixConnection(join(tmpdir(), 'asyncio-ts-no-such-socket'));
  } catch (e) {
    print('missing unix socket:', (e as Error).name);
  }
}

export default function (print: Print): void {
  run(() => main(print));
}
