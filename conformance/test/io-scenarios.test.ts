import { pathToFileURL } from 'node:url';
import type { Coroutine } from '@asyncio-ts/core-loop';
import { run, runAsync } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { describe, expect, it } from 'vitest';
import { createPrinter, type Print } from '../src/pyfmt.js';
import { listScenarios, readRecorded } from '../src/scenarios.js';

// The streams/, subprocess/ and threads/ scenarios do real I/O or work on other threads: scenarios.test.ts compares their
// blocking run with CPython; here each runs again in host mode (runAsync) and nested (a plain
// function calls run() inside a runAsync loop after nest-patch's apply()), and must print
// CPython's recorded trace there too. Each exports its coroutine as `main(print)`.
type IoProgram = { main: (print: Print) => Coroutine<void> };

const scenarios = listScenarios().filter((s) =>
  ['streams', 'subprocess', 'threads'].includes(s.area),
);

async function runNested<T>(main: () => Coroutine<T>): Promise<T> {
  apply();
  try {
    return await runAsync(function* () {
      yield;
      return run(main);
    });
  } finally {
    revert();
  }
}

describe('I/O scenarios in host mode and nested', () => {
  it('finds the streams and subprocess scenarios', () => {
    expect(scenarios.map((s) => s.area)).toContain('streams');
    expect(scenarios.map((s) => s.area)).toContain('subprocess');
  });
  for (const scenario of scenarios) {
    for (const mode of ['runAsync', 'nested'] as const) {
      it(`${scenario.id} prints the recorded trace in ${mode}`, async () => {
        const { main } = (await import(pathToFileURL(scenario.typescript).href)) as IoProgram;
        const { print, lines } = createPrinter();
        if (mode === 'runAsync') await runAsync(() => main(print));
        else await runNested(() => main(print));
        expect(lines.map((line) => `${line}\n`).join('')).toBe(readRecorded(scenario));
      });
    }
  }
});
