import { type Coroutine, type RunOptions, run, runAsync } from '@asyncio-ts/core-loop';
import { revert } from '@asyncio-ts/nest-patch';
import { describe, expect, it } from 'vitest';
import { generateProgram, programGlobals, toTypeScript } from '../src/generator.js';
import { createPrinter } from '../src/pyfmt.js';
import { programArguments } from './program-arguments.js';

// Host mode (runAsync) must keep the blocking run's semantics: the same generated programs
// that are compared with CPython above print the same trace when run on the host.
const count = Number(process.env.CONFORMANCE_SEEDS ?? 300);
const extendedCount = Number(process.env.CONFORMANCE_EXTENDED_SEEDS ?? 100);
const first = Number(process.env.CONFORMANCE_FIRST_SEED ?? 1);

type RunLike = (main: () => Coroutine<unknown>, options?: RunOptions) => unknown;

async function trace(source: string, runner: RunLike): Promise<string> {
  const { print, lines } = createPrinter();
  let pending: unknown;
  // The program's own run() (the first call) goes through `runner`; the nested runs inside
  // it (extended programs) are plain run(), as nest-patch makes them.
  // (runAsync runs its first slice before it returns: the flag is set before the call.)
  let started = false;
  const runAndKeep: RunLike = (main, options) => {
    if (started) return run(main, options);
    started = true;
    pending = runner(main, options);
    return pending;
  };
  try {
    const program = new Function(...programGlobals, source);
    program(...programArguments(print, runAndKeep));
    await pending;
  } catch (error) {
    lines.push(
      `!! uncaught ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    );
  } finally {
    revert();
  }
  return lines.map((line) => `${line}\n`).join('');
}

describe.each([
  { size: count, extended: false, what: 'generated programs' },
  { size: extendedCount, extended: true, what: 'extended generated programs (nested runs)' },
])('$size $what in host mode', ({ size, extended }) => {
  for (let seed = first; seed < first + size; seed++) {
    it(`seed ${seed} prints the same trace with runAsync as with run`, async () => {
      const source = toTypeScript(generateProgram(seed, { extended }));
      const blocking = await trace(source, run as RunLike);
      const host = await trace(source, runAsync as RunLike);
      expect(blocking).not.toMatch(/^!! uncaught/m);
      expect(host).toBe(blocking);
    });
  }
});
