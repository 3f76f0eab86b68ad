/**
 * The asyncio docs' TCP echo server and client (streams), in one program: the server runs
 * as a task, the client talks to it, then the server stops. See main.py for the original.
 */
import { type Clock, type Coroutine, run } from '@asyncio-ts/core-loop';
import {
  openConnection,
  type StreamReader,
  type StreamWriter,
  startServer,
} from '@asyncio-ts/streams';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (data: Uint8Array) => new TextDecoder().decode(data);
/** Python's repr of a str or of a tuple of str and int. */
const repr = (value: unknown): string =>
  Array.isArray(value)
    ? `(${value.map(repr).join(', ')})`
    : typeof value === 'string'
      ? `'${value}'`
      : String(value);

/** Runs the example; `print` gets each line CPython would print. */
export function runExample(print: (line: string) => void, clock?: Clock): void {
  function* handleEcho(reader: StreamReader, writer: StreamWriter): Coroutine<void> {
    const data = yield* reader.read(100);
    const message = decode(data);
    const addr = writer.getExtraInfo('peername') as [string, number];

    print(`Received ${repr(message)} from ${repr(addr[0])}`);

    print(`Send: ${repr(message)}`);
    writer.write(data);
    yield* writer.drain();

    print('Close the connection');
    writer.close();
    yield* writer.waitClosed();
  }

  function* tcpEchoClient(message: string): Coroutine<void> {
    const [reader, writer] = yield* openConnection('127.0.0.1', 8888);

    print(`Send: ${repr(message)}`);
    writer.write(encode(message));
    yield* writer.drain();

    const data = yield* reader.read(100);
    print(`Received: ${repr(decode(data))}`);

    print('Close the connection');
    writer.close();
    yield* writer.waitClosed();
  }

  function* main(): Coroutine<void> {
    const server = yield* startServer(handleEcho, '127.0.0.1', 8888);

    const addrs = server.sockets.map((sock) => repr(sock.getsockname())).join(', ');
    print(`Serving on ${addrs}`);

    const loop = server.getLoop();
    try {
      const serving = loop.createTask(server.serveForever());
      yield* tcpEchoClient('Hello World!');
      serving.cancel();
    } finally {
      server.close(); // `async with server:`
    }
    yield* server.waitClosed();
    print('Server closed');
  }

  run(main, clock === undefined ? undefined : { clock });
}

// node --experimental-strip-types examples/tcp-echo/main.ts (or tsx)
if (import.meta.url === `file://${process.argv[1]}`) runExample(console.log);
