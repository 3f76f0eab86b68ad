import {
  CancelledError,
  type Coroutine,
  type EventLoop,
  getRunningLoop,
  isCoroutine,
  run,
} from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';
import { ConnectionResetError, StreamReader, StreamWriter } from '../src/index.js';
import { StreamReaderProtocol } from '../src/stream-protocol.js';
import type { Transport } from '../src/transport.js';

/** A transport that only says whether it is closing: all drain() looks at. */
function fakeTransport(state: { closing: boolean }): Transport {
  const nothing = (): void => {};
  return {
    write: nothing,
    writeEof: nothing,
    canWriteEof: () => true,
    close: nothing,
    abort: nothing,
    isClosing: () => state.closing,
    pauseReading: nothing,
    resumeReading: nothing,
    getWriteBufferSize: () => 0,
    getExtraInfo: () => undefined,
  };
}

interface Parts {
  loop: EventLoop;
  reader: StreamReader;
  protocol: StreamReaderProtocol;
  writer: StreamWriter;
  state: { closing: boolean };
}

function parts(): Parts {
  const loop = getRunningLoop();
  const reader = new StreamReader({ loop });
  const protocol = new StreamReaderProtocol(reader, loop);
  const state = { closing: false };
  const transport = fakeTransport(state);
  protocol.connectionMade(transport);
  const writer = new StreamWriter(transport, protocol, reader, loop);
  return { loop, reader, protocol, writer, state };
}

function virtual<T>(main: () => Coroutine<T>): T {
  return run(main, { clock: new VirtualClock() });
}

describe('StreamWriter.drain()', () => {
  it('is a coroutine that checks the stream when first resumed, as a generator would', () => {
    const out = virtual(function* () {
      const { reader, writer } = parts();
      const drain = writer.drain();
      const early = [isCoroutine(drain), Object.prototype.toString.call(drain)];
      // Made before the failure, resumed after it: the failure is what it sees.
      reader.setException(new ConnectionResetError('peer went away'));
      let failure = '';
      try {
        yield* drain;
      } catch (e) {
        failure = `${(e as Error).name}: ${(e as Error).message}`;
      }
      // Finished: resuming it again ends at once, as a finished generator does.
      return [...early, failure, drain.next()];
    });
    expect(out).toEqual([
      true,
      '[object Generator]',
      'ConnectionResetError: peer went away',
      { done: true, value: undefined },
    ]);
  });

  it('returns at once while writing is not paused, and gives up the turn once when closing', () => {
    const out = virtual(function* () {
      const { loop, writer, state } = parts();
      const trace: string[] = [];
      loop.callSoon(() => trace.push('other callback'));
      yield* writer.drain();
      trace.push('drained (open)');
      state.closing = true;
      yield* writer.drain();
      trace.push('drained (closing)');
      return trace;
    });
    expect(out).toEqual(['drained (open)', 'other callback', 'drained (closing)']);
  });

  it('waits while writing is paused, until it resumes; several drains wait at once', () => {
    const out = virtual(function* () {
      const { loop, protocol, writer } = parts();
      protocol.pauseWriting();
      const started = loop.time();
      loop.callLater(2, () => protocol.resumeWriting());
      const a = loop.createTask(writer.drain());
      const b = loop.createTask(writer.drain());
      yield* a;
      yield* b;
      return loop.time() - started;
    });
    expect(out).toBe(2);
  });

  it('a cancelled drain() raises CancelledError; the next one still waits and ends', () => {
    const out = virtual(function* () {
      const { loop, protocol, writer } = parts();
      protocol.pauseWriting();
      const first = loop.createTask(writer.drain());
      yield* sleep(1);
      first.cancel();
      let cancelled = false;
      try {
        yield* first;
      } catch (e) {
        cancelled = e instanceof CancelledError;
      }
      loop.callLater(1, () => protocol.resumeWriting());
      yield* writer.drain();
      return [cancelled, loop.time()];
    });
    expect(out).toEqual([true, 2]);
  });

  it('fails with ConnectionResetError once the connection is lost, waiting or not', () => {
    const out = virtual(function* () {
      const { loop, protocol, writer } = parts();
      protocol.pauseWriting();
      const waiting = loop.createTask(writer.drain());
      yield* sleep(0);
      protocol.connectionLost(new ConnectionResetError('reset by peer'));
      const outcomes: string[] = [];
      for (const drain of [waiting, loop.createTask(writer.drain())]) {
        try {
          yield* drain;
          outcomes.push('drained');
        } catch (e) {
          outcomes.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
      }
      return outcomes;
    });
    expect(out).toEqual([
      'ConnectionResetError: reset by peer',
      'ConnectionResetError: reset by peer',
    ]);
  });
});
