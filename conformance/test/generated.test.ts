import { CancelledError, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
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

// CONFORMANCE_SEEDS=2000 CONFORMANCE_FIRST_SEED=5000 pnpm vitest run generated — explore more.
const count = Number(process.env.CONFORMANCE_SEEDS ?? 300);
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

const programs = Array.from({ length: count }, (_, i) => {
  const program = generateProgram(first + i);
  return { seed: program.seed, python: toPython(program), typescript: toTypeScript(program) };
});

function runTypeScriptProgram(source: string): string {
  const { print, lines } = createPrinter();
  try {
    const program = new Function(...programGlobals, source);
    program(print, run, getRunningLoop, CancelledError, sleep, VirtualClock, gather);
  } catch (error) {
    lines.push(
      `!! uncaught ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    );
  }
  return lines.map((line) => `${line}\n`).join('');
}

const python = findPython();
if (!python.ok) {
  console.warn(
    `[conformance] SKIPPED the Python side of ${count} generated programs: ${python.reason}. ` +
      'Each program is only checked to run to its end on asyncio-ts, twice with the same trace.',
  );
}

const traces = new Map<number, string>();
let live: Map<number, PythonResult> | undefined;

beforeAll(() => {
  for (const p of programs) traces.set(p.seed, runTypeScriptProgram(p.typescript));
  if (!python.ok) return;
  const started = performance.now();
  const results = new Map<number, PythonResult>();
  const runs: number[] = [];
  let todo = programs;
  for (const { tick, jobs, atMost } of ATTEMPTS) {
    if (todo.length === 0 || todo.length > atMost) break;
    runs.push(todo.length);
    const sources = todo.map((p) => ({ seed: p.seed, source: p.python }));
    for (const [seed, result] of runPythonPrograms(python.command, sources, tick, jobs)) {
      results.set(seed, result);
    }
    todo = todo.filter((p) => results.get(p.seed)?.stdout !== traces.get(p.seed));
  }
  live = results;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.info(
    `[conformance] Python ran ${count} generated programs in ${seconds} s ` +
      `(programs per attempt: ${runs.join(', ')}; ticks ${ATTEMPTS.map((a) => a.tick * 1000).join(', ')} ms)`,
  );
});

describe(`${count} generated programs (seeds ${first}..${first + count - 1})`, () => {
  for (const p of programs) {
    it(`seed ${p.seed} prints what asyncio prints`, () => {
      const typescript = traces.get(p.seed);
      if (!live) {
        expect(typescript).not.toMatch(/^!! uncaught/m);
        expect(runTypeScriptProgram(p.typescript)).toBe(typescript);
        return;
      }
      const result = live.get(p.seed);
      const programsText =
        `seed ${p.seed}\n--- Python ---\n${p.python}\n--- TypeScript ---\n${typescriptPrelude}\n${p.typescript}` +
        `--- trace: asyncio-ts (+) vs asyncio (-) ---`;
      if (result?.error)
        throw new Error(`${programsText}\nthe Python program failed:\n${result.error}`);
      expect(typescript, programsText).toBe(result?.stdout);
    });
  }
});
