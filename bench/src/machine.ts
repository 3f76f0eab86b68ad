/** The machine and software a run measured: printed at the top of RESULTS.md. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  python: string | null;
  date: string;
  loadAverage: string;
  /** Median ms to allocate and hold 1,000,000 small objects in a fresh Node: the GC's speed. */
  allocationMs: number | null;
  commit: string | null;
  versions: Record<string, string>;
}

function quiet(cmd: string, args: string[]): string | null {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return null;
  }
}

/** The Python 3 this bench runs (`python3 --version`), or null when there is none. */
export function pythonVersion(): string | null {
  return quiet('python3', ['--version'])?.replace(/^Python\s*/, '') ?? null;
}

function version(benchDir: string, name: string): string {
  try {
    const pkg = JSON.parse(
      readFileSync(join(benchDir, 'node_modules', name, 'package.json'), 'utf8'),
    );
    return String(pkg.version);
  } catch {
    return '?';
  }
}

const ALLOCATION_PROBE = `
const times = [];
for (let k = 0; k < 5; k++) {
  const t = performance.now();
  const held = [];
  for (let i = 0; i < 1e6; i++) held.push({ a: i, b: null, c: null });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(times[2]);
`;

/**
 * How long a fresh Node takes to allocate and hold 1,000,000 small objects (median of 5):
 * allocation-heavy rows depend on it, and it varies a lot between machines and VMs.
 */
export function allocationProbe(): number | null {
  const out = quiet(process.execPath, ['-e', ALLOCATION_PROBE]);
  return out === null ? null : Number(out);
}

/** The current 1/5/15-minute load average, e.g. `0.52 0.40 0.31`. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** Describes this machine; `benchDir` is the bench package (for its dependencies' versions). */
export function describeMachine(benchDir: string): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    python: pythonVersion(),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadAverage: loadAverage(),
    allocationMs: allocationProbe(),
    commit: quiet('git', ['-C', benchDir, 'rev-parse', '--short', 'HEAD']),
    versions: Object.fromEntries(
      ['effect', 'effection', 'tinybench'].map((name) => [name, version(benchDir, name)]),
    ),
  };
}
