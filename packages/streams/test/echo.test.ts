import { describe, expect, it } from 'vitest';
import {
  openConnection,
  type ServerSocket,
  type StreamReader,
  type StreamWriter,
  startServer,
} from '../src/index.js';
import { bytes, type Mode, runIn, text } from './support.js';

function* echo(reader: StreamReader, writer: StreamWriter) {
  for (;;) {
    const data = yield* reader.read(1000);
    if (data.length === 0) break;
    writer.write(data);
    yield* writer.drain();
  }
  writer.close();
  yield* writer.waitClosed();
}

describe.each<Mode>(['runAsync'])('echo in %s', (mode) => {
  it('echoes a message and reports addresses', async () => {
    const result = await runIn(mode, function* () {
      const server = yield* startServer(echo, '127.0.0.1', 0);
      const [host, port] = (server.sockets[0] as ServerSocket).getsockname() as [string, number];
      const [reader, writer] = yield* openConnection(host, port);
      writer.write(bytes('Hello World!'));
      const reply = text(yield* reader.read(100));
      const peer = writer.getExtraInfo('peername');
      writer.close();
      yield* writer.waitClosed();
      server.close();
      yield* server.waitClosed();
      return [reply, host, peer, port > 0];
    });
    expect(result).toEqual(['Hello World!', '127.0.0.1', ['127.0.0.1', expect.any(Number)], true]);
  });
});
