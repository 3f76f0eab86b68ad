import { getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep } from '@asyncio-ts/timers';
import { afterAll, describe, expect, it } from 'vitest';
import { openConnection, type Server, type ServerSocket, startServer } from '../src/index.js';
import { IoWorker } from '../src/io-worker.js';
import { bytes, text } from './support.js';

function portOf(server: Server): number {
  return ((server.sockets[0] as ServerSocket).getsockname() as [string, number])[1];
}

/** One run(): an echo server and a client; `leaveOpen` keeps both open when the run ends. */
function echoRun(message: string, leaveOpen: boolean): [string, number, string[]] {
  const seen: string[] = [];
  const reply = run(function* () {
    const loop = getRunningLoop();
    loop.setExceptionHandler((_loop, context) => seen.push(String(context.message)));
    const server = yield* startServer(
      function* (reader, writer) {
        for (;;) {
          const data = yield* reader.read(100);
          if (data.length === 0) break;
          writer.write(data);
        }
        writer.close();
      },
      '127.0.0.1',
      0,
    );
    const [reader, writer] = yield* openConnection('127.0.0.1', portOf(server));
    // Long enough for late events of an earlier run's sockets to arrive.
    yield* sleep(0.05);
    writer.write(bytes(message));
    const echoed = text(yield* reader.readExactly(message.length));
    if (!leaveOpen) {
      writer.close();
      yield* writer.waitClosed();
      server.close();
      yield* server.waitClosed();
    }
    return echoed;
  });
  return [reply, threadOfLastRun, seen];
}

let threadOfLastRun = -1;
const original = IoWorker.of;
IoWorker.of = (loop) => {
  const io = original.call(IoWorker, loop);
  threadOfLastRun = io.threadId;
  return io;
};
afterAll(() => {
  IoWorker.of = original;
});

describe('the I/O worker thread across runs', () => {
  it('serves one run() after another; late events of a closed run reach nothing', async () => {
    // The first run leaves its server and sockets open: the loop closes them as it ends,
    // and their 'closed' events may reach the thread after it has moved on.
    const first = echoRun('one', true);
    const second = echoRun('two', false);
    // The host's loop turns (and the parked worker falls asleep) before the third run.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const third = echoRun('three', false);
    expect([first[0], second[0], third[0]]).toEqual(['one', 'two', 'three']);
    expect([first[2], second[2], third[2]]).toEqual([[], [], []]);
    expect(second[1]).toBe(first[1]);
    expect(third[1]).toBe(first[1]);
  });
});
