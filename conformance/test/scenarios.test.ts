import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findPython,
  normalisePythonTrace,
  type PythonResult,
  runPythonScenarios,
  traceLines,
} from '../src/python.js';
import { listScenarios, readRecorded, runTypeScript, scenariosDir } from '../src/scenarios.js';

// A scenario whose traces differ is run again in Python (twice at most, alone) on a clock this
// many times slower than the real one (10 for the first run) before it counts as a failure:
// on a busy machine a wake-up can come tens of milliseconds late. A real difference stays one.
const SLOW_DILATION = 40;
const RETRIES = 2;

const python = findPython();
const scenarios = listScenarios();
const areas = [...new Set(scenarios.map((s) => s.area))];
const text = (lines: string[]) => lines.map((line) => `${line}\n`).join('');

if (!python.ok) {
  console.warn(
    `[conformance] SKIPPED the Python side of ${scenarios.length} scenarios: ${python.reason}. ` +
      'The TypeScript traces are compared with the recorded .out files only.',
  );
}

let live: Map<string, PythonResult> | undefined;

beforeAll(() => {
  if (!python.ok) return;
  const started = performance.now();
  const run = runPythonScenarios(python.command, [scenariosDir]);
  live = run.results;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.info(`[conformance] Python ${python.version} ran ${live.size} scenarios in ${seconds} s`);
  if (run.nestAsyncio === null) {
    console.warn(
      '[conformance] SKIPPED the Python side of the nest scenarios: nest_asyncio is not installed ' +
        '(pip install nest_asyncio, or apt-get install python3-nest-asyncio). ' +
        'Their TypeScript traces are compared with the recorded .out files.',
    );
  }
});

describe('the scenario set', () => {
  it('has at least 60 scenarios, each written in both languages with a recorded trace', async () => {
    const { existsSync, readdirSync } = await import('node:fs');
    expect(scenarios.length).toBeGreaterThanOrEqual(60);
    for (const s of scenarios) {
      expect(existsSync(s.typescript), `${s.id}.ts`).toBe(true);
      expect(existsSync(s.recorded), `${s.id}.out (pnpm record)`).toBe(true);
    }
    // A TypeScript scenario without its Python twin would never be compared.
    for (const area of areas) {
      for (const file of readdirSync(`${scenariosDir}/${area}`)) {
        if (file.endsWith('.ts')) {
          expect(
            existsSync(`${scenariosDir}/${area}/${file.slice(0, -3)}.py`),
            `${area}/${file}`,
          ).toBe(true);
        }
      }
    }
  });
});

for (const area of areas) {
  describe(area, () => {
    for (const scenario of scenarios.filter((s) => s.area === area)) {
      it(`${scenario.id} prints what asyncio prints`, async () => {
        const typescript = text(await runTypeScript(scenario));
        const recorded = readRecorded(scenario);
        let result = live?.get(scenario.python);
        const expectedOf = (r: PythonResult) => text(traceLines(normalisePythonTrace(r.stdout)));
        for (let retry = 0; retry < RETRIES; retry++) {
          if (!python.ok || !result || result.skipped !== null || expectedOf(result) === typescript)
            break;
          const again = runPythonScenarios(
            python.command,
            [scenario.python],
            SLOW_DILATION,
          ).results;
          result = again.get(scenario.python);
          console.info(
            `[conformance] ${scenario.id}: traces differ; Python ran it again ${SLOW_DILATION}x slower`,
          );
        }
        if (result?.error) {
          throw new Error(`the Python side of ${scenario.id} failed:\n${result.error}`);
        }
        if (result && result.skipped === null) {
          const expected = expectedOf(result);
          expect(typescript, `${scenario.id}: asyncio-ts (+) vs asyncio (-)`).toBe(expected);
          expect(
            recorded,
            `${basename(scenario.recorded)} differs from Python's trace: pnpm --filter @asyncio-ts/conformance record`,
          ).toBe(result.stdout);
          return;
        }
        if (python.ok) {
          // Python ran, but not this scenario (nest_asyncio is missing): say so for each one.
          console.warn(
            `[conformance] ${scenario.id}: Python's side was NOT run (${result?.skipped ?? 'no result'}); ` +
              `compared with the recorded ${basename(scenario.recorded)}`,
          );
        }
        expect(recorded, `${scenario.id}.out`).not.toBeNull();
        const expected = text(traceLines(normalisePythonTrace(recorded ?? '')));
        expect(typescript, `${scenario.id}: asyncio-ts (+) vs recorded asyncio (-)`).toBe(expected);
      });
    }
  });
}
