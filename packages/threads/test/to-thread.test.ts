import { fileURLToPath } from 'node:url';
import { getRunningLoop } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { toThread, transfer } from '@asyncio-ts/threads';
import { describe, expect, it } from 'vitest';
import { flags, MODES, runIn, work } from './support.js';

describe.each(MODES)('toThread in %s', (mode) => {
  it('returns what the export returned', async () => {
    const result = await runIn(mode, function* () {
      return yield* toThread<number>(work, 'add', 2, 40);
    });
    expect(result).toBe(42);
  });

  it('re-throws an error with its class name, message, code and the worker stack', async () => {
    const error = await runIn(mode, function* () {
      try {
        yield* toThread(work, 'failWith', 'custom', 'bad header');
      } catch (caught) {
        return caught as Error & { code?: string };
      }
      throw new Error('toThread did not throw');
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ParseFailure');
    expect(error.message).toBe('bad header');
    expect(error.code).toBe('E_PARSE');
    expect(error.stack).toMatch(/^ParseFailure: bad header\n\s+at failWith \(.*work\.mjs:\d+/);
  });

  it("keeps a name set on the error's instance, with its built-in class, stack and cause", async () => {
    const [named, subclass, abort] = await runIn(mode, function* () {
      const outcomes: Error[] = [];
      for (const kind of ['named', 'subclass', 'abort']) {
        try {
          yield* toThread(work, 'failWith', kind, `thrown as ${kind}`);
        } catch (caught) {
          outcomes.push(caught as Error);
        }
      }
      return outcomes as [Error, Error, Error];
    });
    expect(named).toBeInstanceOf(Error);
    expect(`${named}`).toBe('ValueError: thrown as named');
    expect(named.stack).toMatch(/^ValueError: thrown as named\n\s+at named \(.*work\.mjs:\d+/);
    expect(named.cause).toBeInstanceOf(TypeError);
    expect(`${named.cause}`).toBe('KeyError: the key');
    // A subclass of a built-in comes back as that built-in, named after its own class.
    expect(subclass).toBeInstanceOf(RangeError);
    expect(`${subclass}`).toBe('NotFound: thrown as subclass');
    expect(subclass.stack).toMatch(/^NotFound: thrown as subclass\n\s+at failWith /);
    // A name that a class defines (DOMException's) is the name, as `e.name === 'AbortError'` checks.
    expect(`${abort}`).toBe('AbortError: thrown as abort');
  });

  it('keeps built-in error classes, rejected promises and thrown non-errors apart', async () => {
    const [range, rejected, text] = await runIn(mode, function* () {
      const outcomes: unknown[] = [];
      for (const [name, ...args] of [
        ['failWith', 'range', 'out of range'],
        ['rejectLater', 'no such key'],
        ['failWith', 'string', 'just text'],
      ] as const) {
        try {
          yield* toThread(work, name, ...args);
        } catch (caught) {
          outcomes.push(caught);
        }
      }
      return outcomes;
    });
    expect(range).toBeInstanceOf(RangeError);
    expect((range as Error).message).toBe('out of range');
    expect(rejected).toBeInstanceOf(TypeError);
    expect((rejected as Error).message).toBe('no such key');
    expect((text as Error).message).toBe('a non-Error value was thrown: just text');
  });

  it('calls the export once per call, and runs gathered calls', async () => {
    const counts = flags(3);
    const results = await runIn(mode, function* () {
      return yield* gather(
        toThread<number>(work, 'count', counts, 0),
        toThread<number>(work, 'count', counts, 1),
        toThread<number>(work, 'count', counts, 2),
      );
    });
    expect(results).toEqual([1, 1, 1]);
    expect([...counts]).toEqual([1, 1, 1]);
  });

  it('awaits a promise that the export returns', async () => {
    const value = await runIn(mode, function* () {
      return yield* toThread<string>(work, 'later', 0.02, 'settled in the worker');
    });
    expect(value).toBe('settled in the worker');
  });

  it('runs an async Node API (fs/promises) to completion, even from a blocking run()', async () => {
    const line = await runIn(mode, function* () {
      return yield* toThread<string>(work, 'firstLine', fileURLToPath(work));
    });
    expect(line).toBe('// Exports that the threads tests run on worker threads.');
  });

  it('copies arguments and results by structured clone, and moves transferred buffers', async () => {
    const bytes = new Uint8Array(1024);
    const [copy, moved, made] = await runIn(mode, function* () {
      const copy = yield* toThread<{ when: Date; tags: Set<string> }>(work, 'echo', {
        when: new Date(0),
        tags: new Set(['a']),
      });
      const moved = yield* toThread<number>(work, 'byteLength', transfer(bytes, [bytes.buffer]));
      const made = yield* toThread<Uint8Array>(work, 'makeBytes', 8);
      return [copy, moved, made] as const;
    });
    expect(copy.when).toEqual(new Date(0));
    expect(copy.tags).toEqual(new Set(['a']));
    expect(moved).toBe(1024);
    expect(bytes.byteLength).toBe(0);
    expect([...made]).toEqual([7, 7, 7, 7, 7, 7, 7, 7]);
  });

  it('names the module and export that could not be loaded, found or cloned', async () => {
    const missing = new URL('./fixtures/no-such-module.mjs', import.meta.url);
    const messages = await runIn(mode, function* () {
      const out: string[] = [];
      const attempts: [URL, string, unknown[]][] = [
        [missing, 'anything', []],
        [work, 'noSuchExport', []],
        [work, 'notAFunction', []],
        [work, 'uncloneable', []],
        [work, 'echo', [() => 1]],
      ];
      for (const [module, name, args] of attempts) {
        try {
          yield* toThread(module, name, ...args);
        } catch (caught) {
          out.push(`${(caught as Error).name}: ${(caught as Error).message}`);
        }
      }
      return out;
    });
    expect(messages[0]).toMatch(
      new RegExp(
        `^Error: cannot import module ${missing.href} \\(to call its export "anything"\\) in a worker thread: Cannot find module`,
      ),
    );
    expect(messages.slice(1)).toEqual([
      `TypeError: module ${work.href} has no export named "noSuchExport"`,
      `TypeError: export "notAFunction" of module ${work.href} is not a function (it is number)`,
      `TypeError: the result of "uncloneable" from ${work.href} cannot be sent back from the worker thread (structured clone failed: () => 'a function cannot be cloned' could not be cloned.)`,
      `TypeError: an argument of "echo" from ${work.href} cannot be sent to a worker thread (structured clone failed: () => 1 could not be cloned.)`,
    ]);
  });

  it('accepts a file: URL string and an absolute path; refuses a relative one at the call', async () => {
    const [fromString, fromPath, refusal] = await runIn(mode, function* () {
      const fromString = yield* toThread<number>(work.href, 'add', 1, 1);
      const fromPath = yield* toThread<number>(work.pathname, 'add', 2, 2);
      let refusal = '';
      try {
        toThread('./fixtures/work.mjs', 'add').next();
      } catch (caught) {
        refusal = `${(caught as Error).name}: ${(caught as Error).message}`;
      }
      return [fromString, fromPath, refusal];
    });
    expect(fromString).toBe(2);
    expect(fromPath).toBe(4);
    expect(refusal).toBe(
      `TypeError: ThreadPoolExecutor.submit: module must be a URL, a file: URL string or an absolute path (write new URL('./work.js', import.meta.url)), got "./fixtures/work.mjs"`,
    );
  });

  it('uses the running loop: outside a loop it throws no running event loop', () => {
    expect(() => toThread(work, 'add', 1, 2).next()).toThrow('no running event loop');
    expect(() => getRunningLoop()).toThrow('no running event loop');
  });
});
