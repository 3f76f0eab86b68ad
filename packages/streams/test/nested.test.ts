import { type Coroutine, getRunningLoop, run, runAsync } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { sleep } from '@asyncio-ts/timers';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection, type Server, type ServerSocket, startServer } from '../src/index.js';
import { bytes, text } from './support.js';

afterEach(() => revert());

/** What a synchronous library function does: run() a coroutine to completion. */
function fetchSync(port: number, message: string): string {
  return run(function* () {
    const [reader, writer] = yield* openConnection('127.0.0.1', port);
    writer.write(bytes(`${message}\n`));
    const reply = text(yield* reader.readline());
    writer.close();
    yield* writer.waitClosed();
    return reply;
  });
}

function* outer(): Coroutine<string[]> {
  const events: string[] = [];
  const server: Server = yield* startServer(
    function* (reader, writer) {
      const line = text(yield* reader.readline());
      events.push(`server got ${line.trim()}`);
      yield* sleep(0.01);
      writer.write(bytes(`pong ${line}`));
      yield* writer.drain();
      writer.close();
    },
    '127.0.0.1',
    0,
  );
  const port = ((server.sockets[0] as ServerSocket).getsockname() as [string, number])[1];
  const ticker = getRunningLoop().createTask(
    (function* () {
      for (let i = 0; i < 3; i++) {
        yield* sleep(0.005);
        events.push(`tick ${i}`);
      }
    })(),
  );
  yield* sleep(0);
  // A plain function, called from a task of the running loop, blocks in run().
  events.push(`sync call returned ${fetchSync(port, 'ping').trim()}`);
  yield* ticker;
  server.close();
  yield* server.waitClosed();
  return events;
}

describe('a nested run() talks to a server the outer loop serves', () => {
  it.each(['run', 'runAsync'] as const)('outer loop in %s', async (mode) => {
    apply();
    const events = mode === 'run' ? run(outer) : await runAsync(outer);
    // The server (a task of the outer loop) answered while the nested run blocked its caller.
    const served = events.indexOf('server got ping');
    expect(served).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('sync call returned pong ping')).toBeGreaterThan(served);
    // The outer loop's other tasks kept running while the nested run waited.
    expect(events.filter((e) => e.startsWith('tick'))).toEqual(['tick 0', 'tick 1', 'tick 2']);
  });
});

describe('nothing is left open when run() ends', () => {
  it('a server and a stream left open are reported and closed when the loop closes', () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    let port = 0;
    run(function* () {
      const server = yield* startServer(function* () {}, '127.0.0.1', 0);
      port = ((server.sockets[0] as ServerSocket).getsockname() as [string, number])[1];
      const [, writer] = yield* openConnection('127.0.0.1', port);
      writer.write(bytes('left open'));
    });
    return new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      process.off('warning', onWarning);
      expect(warnings.some((w) => /^ResourceWarning: unclosed server/.test(w))).toBe(true);
      expect(warnings.some((w) => /^ResourceWarning: unclosed transport/.test(w))).toBe(true);
      // The port no longer accepts connections.
      const refused = await runAsync(function* () {
        try {
          yield* openConnection('127.0.0.1', port);
          return 'connected';
        } catch (e) {
          return (e as Error).name;
        }
      });
      expect(refused).toBe('ConnectionRefusedError');
    });
  });
});
