/**
 * The Python side: finds a CPython 3.11 and runs the drivers in `python/` with it.
 * Every call runs Python afresh; nothing is cached between runs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const here = import.meta.dirname;
/** The conformance package's folder. */
export const packageDir = join(here, '..');
const driverDir = join(packageDir, 'python');

/** A usable interpreter, or the reason there is none. */
export type PythonStatus =
  | { ok: true; command: string; version: string }
  | { ok: false; reason: string };

/**
 * Looks for CPython 3.11 as `$PYTHON` or `python3`, and answers with the interpreter's own
 * path (a version manager's shim can take a second to start on every call).
 */
export function findPython(): PythonStatus {
  const name = process.env.PYTHON ?? 'python3';
  const probe = spawnSync(
    name,
    ['-c', 'import sys; print(sys.version.split()[0]); print(sys.executable)'],
    {
      encoding: 'utf8',
    },
  );
  if (probe.error || probe.status !== 0) {
    return { ok: false, reason: `${name} was not found` };
  }
  const [version = '', executable = ''] = probe.stdout.trim().split('\n');
  const command = executable || name;
  if (!version.startsWith('3.11.')) {
    return {
      ok: false,
      reason: `${command} is Python ${version}; the suite compares against CPython 3.11 (set PYTHON to a 3.11 interpreter)`,
    };
  }
  return { ok: true, command, version };
}

/** What one Python run printed; `error` is a traceback, `skipped` says why it did not run. */
export interface PythonResult {
  stdout: string;
  error: string | null;
  skipped: string | null;
}

function runDriver(
  command: string,
  args: string[],
  input?: string,
  env?: Record<string, string>,
): string {
  const child = spawnSync(command, args, {
    cwd: packageDir,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    input,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 180_000,
  });
  if (child.error) throw child.error;
  if (child.status !== 0) {
    throw new Error(`${args[0]} exited with ${child.status}:\n${child.stderr}`);
  }
  return child.stdout;
}

/**
 * Runs scenarios (files, or folders of them) with `python/run_scenarios.py`. `dilation` is how
 * many times slower than real time Python's loops run (the driver's default is 10).
 */
export function runPythonScenarios(
  command: string,
  paths: string[],
  dilation?: number,
): { nestAsyncio: string | null; results: Map<string, PythonResult> } {
  const env: Record<string, string> =
    dilation === undefined ? {} : { CONFORMANCE_DILATION: String(dilation) };
  const out = JSON.parse(
    runDriver(command, [join(driverDir, 'run_scenarios.py'), ...paths], undefined, env),
  ) as {
    nest_asyncio: string | null;
    results: Record<string, PythonResult>;
  };
  return { nestAsyncio: out.nest_asyncio, results: new Map(Object.entries(out.results)) };
}

/**
 * Runs generated programs, `unit` seconds per tick, in `jobs` Python processes (default 8);
 * `nest`: extended programs, in processes that load nest_asyncio first.
 */
export function runPythonPrograms(
  command: string,
  programs: ReadonlyArray<{ seed: number; source: string }>,
  unit: number,
  jobs?: number,
  nest = false,
): Map<number, PythonResult> {
  const env: Record<string, string> = jobs === undefined ? {} : { CONFORMANCE_JOBS: String(jobs) };
  const args = [join(driverDir, 'run_programs.py'), String(unit), ...(nest ? ['--nest'] : [])];
  const out = JSON.parse(runDriver(command, args, JSON.stringify(programs), env)) as Record<
    string,
    PythonResult
  >;
  return new Map(Object.entries(out).map(([seed, r]) => [Number(seed), r]));
}

/**
 * The one documented difference in wording between the two traces (API.md, `run`):
 * asyncio-ts calls `asyncio.run` plain `run`, so asyncio's messages that name
 * `asyncio.run()` (`asyncio.run() cannot be called from a running event loop`,
 * `unhandled exception during asyncio.run() shutdown`) name `run()`. Nothing else is rewritten.
 */
export function normalisePythonTrace(text: string): string {
  return text.replaceAll('asyncio.run()', 'run()');
}

/** A trace's lines, without the newline that ends the last one. */
export function traceLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
