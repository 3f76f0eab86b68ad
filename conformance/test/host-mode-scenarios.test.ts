import { pathToFileURL } from 'node:url';
import type { Coroutine } from '@asyncio-ts/core-loop';
import { runAsync } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';
import { createPrinter, type Print } from '../src/pyfmt.js';
import { listScenarios, readRecorded } from '../src/scenarios.js';

// Every locks/, queues/ and contextvars/ scenario runs again here with runAsync (host mode) and must print
// CPython's recorded trace there too: a scenario exports its coroutine as `main(print)`, or,
// when it needs several runs, `host(print)` doing them with runAsync.
type HostProgram = {
  main?: (print: Print) => Coroutine<void>;
  host?: (print: Print) => Promise<void>;
};

const scenarios = listScenarios().filter((s) =>
  ['locks', 'queues', 'contextvars'].includes(s.area),
);

describe('scenarios in host mode (runAsync)', () => {
  for (const scenario of scenarios) {
    it(`${scenario.id} prints the recorded trace with runAsync`, async () => {
      const module = (await import(pathToFileURL(scenario.typescript).href)) as HostProgram;
      const { print, lines } = createPrinter();
      const { main, host } = module;
      if (host !== undefined) await host(print);
      else if (main !== undefined) await runAsync(() => main(print), { clock: new VirtualClock() });
      else expect.fail(`${scenario.id} exports neither main(print) nor host(print)`);
      expect(lines.map((line) => `${line}\n`).join('')).toBe(readRecorded(scenario));
    });
  }
});
