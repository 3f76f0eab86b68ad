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
// Seconds per tick on Python's real clock. A seed whose traces differ is run again with the
// slow tick before it counts as a failure: real-time jitter on a busy machine can merge two
// ticks of the fast run; it does not merge ticks 100 ms apart.
const FAST_TICK = 0.01;
const SLOW_TICK = 0.1;

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
  const source = (p: (typeof programs)[number]) => ({ seed: p.seed, source: p.python });
  live = runPythonPrograms(python.command, programs.map(source), FAST_TICK);
  const differing = programs.filter((p) => live?.get(p.seed)?.stdout !== traces.get(p.seed));
  if (differing.length > 0) {
    for (const [seed, result] of runPythonPrograms(
      python.command,
      differing.map(source),
      SLOW_TICK,
    )) {
      live.set(seed, result);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.info(
    `[conformance] Python ran ${count} generated programs in ${seconds} s ` +
      `(${differing.length} run again with ${SLOW_TICK * 1000} ms ticks)`,
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
