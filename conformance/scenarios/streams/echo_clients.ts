import { type Coroutine, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import {
  openConnection,
  type ServerSocket,
  type StreamReader,
  type StreamWriter,
  startServer,
} from '@asyncio-ts/streams';
import { type Print, tuple } from '../../src/pyfmt.js';

const encode = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

function* handle(reader: StreamReader, writer: StreamWriter): Coroutine<void> {
  const line = yield* reader.readline();
  writer.write(encode(`echo ${decode(line).toUpperCase()}`));
  yield* writer.drain();
  writer.close();
  yield* writer.waitClosed();
}

function* client(port: number, i: number): Coroutine<string> {
  const [reader, writer] = yield* openConnection('127.0.0.1', port);
  writer.write(encode(`client ${i}\n`));
  yield* writer.drain();
  const reply = yield* reader.read();
  writer.close();
  yield* writer.waitClosed();
  return decode(reply);
}

export function* main(print: Print): Coroutine<void> {
  const server = yield* startServer(handle, '127.0.0.1', 0);
  const [host, port] = (server.sockets[0] as ServerSocket).getsockname() as [string, number];
  print('serving on', host, port > 0, server.isServing());
  const replies = yield* gather(Array.from({ length: 50 }, (_, i) => client(port, i)));
  print(replies.length, 'replies');
  print(replies[0]?.trim(), '|', replies[49]?.trim());
  print(
    'all right:',
    replies.every((r, i) => r === `echo CLIENT ${i}\n`),
  );
  server.close();
  yield* server.waitClosed();
  print('closed:', server.isServing(), tuple(...server.sockets));
}

export default function (print: Print): void {
  run(() => main(print));
}
