import {
  CancelledError,
  type Coroutine,
  getRunningLoop,
  isCoroutine,
  RuntimeError,
  run,
} from '@asyncio-ts/core-loop';
import { sleep, timeout, VirtualClock } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';
import { IncompleteReadError, LimitOverrunError, StreamReader } from '../src/index.js';
import { bytes, text } from './support.js';

function virtual<T>(main: () => Coroutine<T>): T {
  return run(main, { clock: new VirtualClock() });
}

describe('StreamReader', () => {
  it('reads what was fed, up to n bytes at a time', () => {
    const out = virtual(function* () {
      const reader = new StreamReader();
      reader.feedData(bytes('line1\nline2\n'));
      const a = text(yield* reader.read(3));
      const b = text(yield* reader.read(100));
      return [a, b];
    });
    expect(out).toEqual(['lin', 'e1\nline2\n']);
  });

  it('read() waits for data fed later', () => {
    const out = virtual(function* () {
      const reader = new StreamReader();
      getRunningLoop().callLater(1, () => reader.feedData(bytes('late')));
      return text(yield* reader.read(10));
    });
    expect(out).toBe('late');
  });

  it('read(-1) reads until EOF, read(0) returns empty', () => {
    const out = virtual(function* () {
      const reader = new StreamReader({ limit: 4 });
      const loop = getRunningLoop();
      loop.callLater(1, () => reader.feedData(bytes('chunk1\n')));
      loop.callLater(2, () => reader.feedData(bytes('chunk2')));
      loop.callLater(3, () => reader.feedEof());
      const zero = (yield* reader.read(0)).length;
      return [zero, text(yield* reader.read(-1)), (yield* reader.read()).length, reader.atEof()];
    });
    expect(out).toEqual([0, 'chunk1\nchunk2', 0, true]);
  });

  it('readline returns lines, then the partial line at EOF, then empty', () => {
    const out = virtual(function* () {
      const reader = new StreamReader();
      reader.feedData(bytes('one\ntwo\nthr'));
      reader.feedEof();
      const lines: string[] = [];
      for (;;) {
        const line = yield* reader.readline();
        if (line.length === 0) break;
        lines.push(text(line));
      }
      return lines;
    });
    expect(out).toEqual(['one\n', 'two\n', 'thr']);
  });

  it('readline past the limit throws RangeError and drops the long line', () => {
    const out = virtual(function* () {
      const reader = new StreamReader({ limit: 7 });
      reader.feedData(bytes('1234567890\nrest\n'));
      let error: unknown;
      try {
        yield* reader.readline();
      } catch (e) {
        error = e;
      }
      return [String(error), text(yield* reader.readline())];
    });
    expect(out).toEqual([
      'RangeError: Separator is found, but chunk is longer than limit',
      'rest\n',
    ]);
  });

  it('readline past the limit with no newline clears the buffer', () => {
    const out = virtual(function* () {
      const reader = new StreamReader({ limit: 3 });
      reader.feedData(bytes('abcdefgh'));
      let error: unknown;
      try {
        yield* reader.readline();
      } catch (e) {
        error = e;
      }
      reader.feedData(bytes('ok\n'));
      return [String(error), text(yield* reader.readline())];
    });
    expect(out).toEqual(['RangeError: Separator is not found, and chunk exceed the limit', 'ok\n']);
  });

  it('readUntil finds multi-byte separators, keeps data on LimitOverrunError', () => {
    const out = virtual(function* () {
      const reader = new StreamReader({ limit: 5 });
      reader.feedData(bytes('ab\r\ncdefghij\r\n'));
      const first = text(yield* reader.readUntil(bytes('\r\n')));
      let consumed = -1;
      try {
        yield* reader.readUntil(bytes('\r\n'));
      } catch (e) {
        expect(e).toBeInstanceOf(LimitOverrunError);
        consumed = (e as LimitOverrunError).consumed;
      }
      const rest = text(yield* reader.readExactly(10));
      return [first, consumed, rest];
    });
    expect(out).toEqual(['ab\r\n', 8, 'cdefghij\r\n']);
  });

  it('readUntil at EOF throws IncompleteReadError with expected null', () => {
    const error = virtual(function* () {
      const reader = new StreamReader();
      reader.feedData(bytes('no separator'));
      reader.feedEof();
      try {
        yield* reader.readUntil(bytes('!'));
      } catch (e) {
        return e as IncompleteReadError;
      }
      return null;
    });
    expect(error).toBeInstanceOf(IncompleteReadError);
    expect(text(error?.partial as Uint8Array)).toBe('no separator');
    expect(error?.expected).toBe(null);
    expect(error?.message).toBe('12 bytes read on a total of undefined expected bytes');
  });

  it('readExactly waits for enough bytes, or throws IncompleteReadError at EOF', () => {
    const out = virtual(function* () {
      const reader = new StreamReader();
      const loop = getRunningLoop();
      loop.callLater(1, () => reader.feedData(bytes('12')));
      loop.callLater(2, () => reader.feedData(bytes('345')));
      loop.callLater(3, () => reader.feedEof());
      const exact = text(yield* reader.readExactly(4));
      try {
        yield* reader.readExactly(3);
      } catch (e) {
        const error = e as IncompleteReadError;
        return [exact, text(error.partial), error.expected, error.message, reader.atEof()];
      }
      return null;
    });
    expect(out).toEqual(['1234', '5', 3, '1 bytes read on a total of 3 expected bytes', true]);
  });

  it('rejects bad arguments with clear errors', () => {
    virtual(function* () {
      const reader = new StreamReader();
      expect(() => reader.readExactly(-1).next()).toThrow(
        new RangeError('readexactly size can not be less than zero'),
      );
      expect(() => reader.readUntil(new Uint8Array(0)).next()).toThrow(
        new RangeError('Separator should be at least one-byte string'),
      );
      expect(() => new StreamReader({ limit: 0 })).toThrow(new RangeError('Limit cannot be <= 0'));
      expect(() => reader.read(1.5).next()).toThrow(TypeError);
    });
  });

  it('read(n) and readExactly(n) act as generators: work starts at the first resume', () => {
    const out = virtual(function* () {
      const reader = new StreamReader();
      // Made with bad arguments or on a failed stream: nothing is thrown until resumed.
      const bad = [reader.read(1.5), reader.read(-1.5), reader.readExactly(-1)];
      const made = reader.readExactly(2);
      reader.feedData(bytes('abc'));
      const kinds = [made, reader.read(1)].map((c) => [
        isCoroutine(c),
        Object.prototype.toString.call(c),
      ]);
      const errors = bad.map((c) => {
        try {
          c.next();
          return 'no error';
        } catch (e) {
          return (e as Error).name;
        }
      });
      const got = text(yield* made);
      // Finished: resumed again, it ends at once with no value, as a generator does.
      const again = made.next();
      const closed = reader.read(1);
      const returned = closed.return(bytes('early'));
      return [kinds, errors, got, again, returned.done, closed.next()];
    });
    expect(out).toEqual([
      [
        [true, '[object Generator]'],
        [true, '[object Generator]'],
      ],
      ['TypeError', 'TypeError', 'RangeError'],
      'ab',
      { done: true, value: undefined },
      true,
      { done: true, value: undefined },
    ]);
  });

  it('a failed stream throws its exception from every read', () => {
    const out = virtual(function* () {
      const reader = new StreamReader();
      getRunningLoop().callLater(1, () => reader.setException(new Error('boom')));
      const errors: string[] = [];
      for (const read of [
        () => reader.read(1),
        () => reader.readline(),
        () => reader.readExactly(2),
      ]) {
        try {
          yield* read();
        } catch (e) {
          errors.push(String(e));
        }
      }
      return errors;
    });
    expect(out).toEqual(['Error: boom', 'Error: boom', 'Error: boom']);
  });

  it('two concurrent reads: the second is a RuntimeError', () => {
    const out = virtual(function* () {
      const reader = new StreamReader();
      const loop = getRunningLoop();
      const first = loop.createTask(reader.read(1));
      yield* sleep(0);
      try {
        yield* reader.read(1);
      } catch (e) {
        first.cancel();
        return [e instanceof RuntimeError, (e as Error).message];
      }
      return null;
    });
    expect(out).toEqual([
      true,
      'read() called while another coroutine is already waiting for incoming data',
    ]);
  });

  it('a cancelled or timed-out read leaves the reader usable', () => {
    const out = virtual(function* () {
      const reader = new StreamReader();
      const loop = getRunningLoop();
      const task = loop.createTask(reader.readline());
      yield* sleep(1);
      task.cancel();
      try {
        yield* task;
      } catch (e) {
        expect(e).toBeInstanceOf(CancelledError);
      }
      let timedOut = false;
      try {
        yield* timeout(1, () => reader.readExactly(4));
      } catch (e) {
        timedOut = (e as Error).name === 'TimeoutError';
      }
      reader.feedData(bytes('after\n'));
      return [timedOut, text(yield* reader.readline()), loop.time()];
    });
    expect(out).toEqual([true, 'after\n', 2]);
  });

  it('feeding after EOF is refused', () => {
    virtual(function* () {
      const reader = new StreamReader();
      reader.feedEof();
      expect(() => reader.feedData(bytes('x'))).toThrow(RuntimeError);
    });
  });
});
