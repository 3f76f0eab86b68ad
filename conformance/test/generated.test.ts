import { run } from '@asyncio-ts/core-loop';
import { revert } from '@asyncio-ts/nest-patch';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  generateProgram,
  programGlobals,
  toPython,
  toTypeScript,
  typescriptPrelude,
} from '../src/generator.js';
import { createPrinter } from '../src/pyfmt.js';
import { findPython, type PythonResult, runPythonPrograms } from '../src/python.js';
import { programArguments } from './program-arguments.js';

// CONFORMANCE_SEEDS=2000 CONFORMANCE_FIRST_SEED=5000 pnpm vitest run generated — explore more.
// CONFORMANCE_EXTENDED_SEEDS: how many extended programs (nested runs, await cycles).
const count = Number(process.env.CONFORMANCE_SEEDS ?? 300);
const extendedCount = Number(process.env.CONFORMANCE_EXTENDED_SEEDS ?? 100);
const first = Number(process.env.CONFORMANCE_FIRST_SEED ?? 1);
// Python's runs: seconds per tick on its real clock, and how many processes share the seeds.
// A seed whose traces differ is run again, slower, before it counts as a failure: on a busy
// machine a late wake-up can merge two ticks of the fast run. A real difference stays one.
// The last attempt runs one program at a time, so it is kept for a few stragglers.
const ATTEMPTS = [
  { tick: 0.01, jobs: 8, atMost: Number.POSITIVE_INFINITY },
  { tick: 0.1, jobs: 8, atMost: Number.POSITIVE_INFINITY },
  { tick: 0.1, jobs: 1, atMost: 20 },
];

interface Family {
  name: string;
  extended: boolean;
  programs: { seed: number; python: string; typescript: string }[];
  traces: Map<number, string>;
  live: Map<number, PythonResult> | undefined;
}

function family(name: string, size: number, extended: boolean): Family {
  const programs = Array.from({ length: size }, (_, i) => {
    const program = generateProgram(first + i, { extended });
    return { seed: program.seed, python: toPython(program), typescript: toTypeScript(program) };
  });
  return { name, extended, programs, traces: new Map(), live: undefined };
}

const families = [
  family('generated programs', count, false),
  family('extended generated programs (nested runs, await cycles)', extendedCount, true),
];

function runTypeScriptProgram(source: string): string {
  const { print, lines } = createPrinter();
  try {
    const program = new Function(...programGlobals, source);
    program(...programArguments(print, run));
  } catch (error) {
    lines.push(
      `!! uncaught ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    );
  } finally {
    revert();
  }
  return lines.map((line) => `${line}\n`).join('');
}

const python = findPython();
if (!python.ok) {
  console.warn(
    `[conformance] SKIPPED the Python side of the generated programs: ${python.reason}. ` +
      'Each program is only checked to run to its end on asyncio-ts, twice with the same trace.',
  );
}

function runPythonSide(f: Family): void {
  const started = performance.now();
  const results = new Map<number, PythonResult>();
  const runs: number[] = [];
  let todo = f.programs;
  for (const { tick, jobs, atMost } of ATTEMPTS) {
    if (todo.length === 0 || todo.length > atMost) break;
    runs.push(todo.length);
    const sources = todo.map((p) => ({ seed: p.seed, source: p.python }));
    for (const [seed, result] of runPythonPrograms(
      (python as { command: string }).command,
      sources,
      tick,
      jobs,
      f.extended,
    )) {
      results.set(seed, result);
    }
    todo = todo.filter(
      (p) =>
        results.get(p.seed)?.skipped == null &&
        results.get(p.seed)?.stdout !== f.traces.get(p.seed),
    );
  }
  const skipped = [...results.values()].find((r) => r.skipped != null)?.skipped;
  if (skipped != null) {
    console.warn(`[conformance] SKIPPED the Python side of the ${f.name}: ${skipped}`);
    return;
  }
  f.live = results;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.info(
    `[conformance] Python ran ${f.programs.length} ${f.name} in ${seconds} s ` +
      `(programs per attempt: ${runs.join(', ')}; ticks ${ATTEMPTS.map((a) => a.tick * 1000).join(', ')} ms)`,
  );
}

beforeAll(() => {
  for (const f of families) {
    for (const p of f.programs) f.traces.set(p.seed, runTypeScriptProgram(p.typescript));
    if (python.ok) runPythonSide(f);
  }
});

for (const f of families) {
  describe(`${f.programs.length} ${f.name} (seeds ${first}..${first + f.programs.length - 1})`, () => {
    for (const p of f.programs) {
      it(`seed ${p.seed} prints what asyncio prints`, () => {
        const typescript = f.traces.get(p.seed);
        if (!f.live) {
          expect(typescript).not.toMatch(/^!! uncaught/m);
          expect(runTypeScriptProgram(p.typescript)).toBe(typescript);
          return;
        }
        const result = f.live.get(p.seed);
        const programsText =
          `seed ${p.seed}\n--- Python ---\n${p.python}\n--- TypeScript ---\n${typescriptPrelude}\n${p.typescript}` +
          `--- trace: asyncio-ts (+) vs asyncio (-) ---`;
        if (result?.error)
          throw new Error(`${programsText}\nthe Python program failed:\n${result.error}`);
        expect(typescript, programsText).toBe(result?.stdout);
      });
    }
  });
}
