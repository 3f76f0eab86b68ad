/** Runs rows in child processes (Node or python3) and reads their Measurements. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Measurement } from './measurement.js';
import type { Implementation, Workload } from './workload.js';

/** A row's outcome: its measurement, or why it could not be measured. */
export type RowResult =
  | { impl: Implementation; measurement: Measurement; error?: undefined }
  | { impl: Implementation; measurement?: undefined; error: string };

const CHILD_TIMEOUT_MS = 10 * 60_000;

function exec(
  cmd: string,
  args: string[],
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

type ChildOutput = Record<string, Measurement | { error: string }>;

function parse(out: string): ChildOutput {
  const last = out.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as ChildOutput;
}

/** Options of one run of the bench. */
export interface RunOptions {
  quick: boolean;
  /** The compiled bench (dist/) and the bench package root. */
  distDir: string;
  benchDir: string;
  python: boolean;
}

/** The first line of stderr that says what went wrong (an `Error:` line when there is one). */
function reason(err: string, code: number | null): string {
  const lines = err.split('\n').map((l) => l.trim());
  return (
    lines.find((l) => /^\w*Error\b/.test(l)) ?? lines.find((l) => l !== '') ?? `exit code ${code}`
  );
}

/**
 * Measures rows of `w` in one fresh process: Node rows by dist/child.js, CPython rows by
 * python/bench.py. A full run passes one row per call (isolation); --quick passes them all.
 */
export async function runRows(
  w: Workload,
  impls: readonly Implementation[],
  opts: RunOptions,
): Promise<RowResult[]> {
  if (impls.length === 0) return [];
  const first = impls[0];
  const python = first?.library === 'cpython';
  if (python && !opts.python)
    return impls.map((impl) => ({ impl, error: 'python3 not found: not measured' }));
  let cmd: string;
  let args: string[];
  if (python) {
    const size = opts.quick ? w.size.quick : w.size.full;
    const names = impls.map((i) => (i.library === 'cpython' ? i.impl : i.id));
    cmd = 'python3';
    args = [
      join(opts.benchDir, 'python', 'bench.py'),
      w.id,
      names.join(','),
      '--n',
      String(size.n),
      '--span',
      String(size.span),
      '--runs',
      String(w.runs),
      '--budget',
      String(w.budgetMs / 1000),
    ];
  } else {
    cmd = process.execPath;
    args = [
      ...(w.nodeFlags ?? []),
      join(opts.distDir, 'child.js'),
      w.id,
      impls.map((i) => i.id).join(','),
    ];
  }
  if (opts.quick) args.push('--quick');
  let output: ChildOutput;
  try {
    const { code, out, err } = await exec(cmd, args);
    if (code !== 0) return impls.map((impl) => ({ impl, error: reason(err, code) }));
    output = parse(out);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return impls.map((impl) => ({ impl, error: message }));
  }
  return impls.map((impl) => {
    const key = impl.library === 'cpython' ? impl.impl : impl.id;
    const m = output[key];
    if (m === undefined) return { impl, error: 'no result from the child process' };
    if ('error' in m) return { impl, error: m.error };
    return { impl, measurement: m };
  });
}
