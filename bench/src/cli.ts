/**
 * `pnpm bench [--quick] [--only W1,W3] [--no-python] [--out FILE]`: runs every workload on
 * every implementation, each row in its own process, prints the markdown report and (full
 * runs of every workload) writes it to bench/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine, loadAverage } from './machine.js';
import { formatMs, notInTree, primary, renderReport, type WorkloadResult } from './report.js';
import { runRows } from './runner.js';
import type { Workload } from './workload.js';
import { missingWorkloads, workloadById, workloads } from './workloads/index.js';

interface Args {
  quick: boolean;
  only: string[] | null;
  python: boolean;
  out: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, only: null, python: true, out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      i++;
      const next = argv[i];
      if (next === undefined) throw new TypeError(`${a} expects a value`);
      return next;
    };
    if (a === '--quick') args.quick = true;
    else if (a === '--no-python') args.python = false;
    else if (a.startsWith('--only'))
      args.only = value()
        .split(',')
        .map((s) => s.trim());
    else if (a.startsWith('--out')) args.out = value();
    else if (a === '--') continue;
    else
      throw new TypeError(
        `unknown argument ${JSON.stringify(a)}: expected --quick, --only, --no-python or --out`,
      );
  }
  return args;
}

/** Lays the file out as the repository's formatter (Biome) does, so `pnpm lint` stays clean. */
function formatMarkdown(file: string, benchDir: string): void {
  const biome = join(benchDir, '..', 'node_modules', '.bin', 'biome');
  if (!existsSync(biome)) {
    console.error(`note: ${biome} not found: ${file} left unformatted`);
    return;
  }
  try {
    execFileSync(biome, ['format', '--write', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`note: biome could not format ${file}: ${detail}`);
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const distDir = dirname(fileURLToPath(import.meta.url));
  const benchDir = resolve(distDir, '..');
  const machine = describeMachine(benchDir);
  const python = args.python && machine.python !== null;
  if (!python)
    console.error('note: python3 not found (or --no-python): CPython rows are not measured');
  // A planned workload whose package has not landed is reported as missing, not an error.
  const missing = missingWorkloads().filter(
    (p) => args.only === null || args.only.some((id) => id.toUpperCase() === p.id),
  );
  const selected: readonly Workload[] =
    args.only === null
      ? workloads
      : args.only.filter((id) => !missing.some((p) => p.id === id.toUpperCase())).map(workloadById);
  for (const p of missing) console.error(`${p.id} ${notInTree(p)}`);
  const started = performance.now();
  const results: WorkloadResult[] = [];
  let failures = 0;
  for (const w of selected) {
    const result: WorkloadResult = { workload: w, rows: [] };
    results.push(result);
    const node = w.implementations.filter((i) => i.library !== 'cpython');
    const cpython = w.implementations.filter((i) => i.library === 'cpython');
    // A full run measures each row in its own process; --quick runs a workload's Node rows
    // in one process and its CPython rows in another.
    const batches = args.quick ? [node, cpython] : w.implementations.map((i) => [i]);
    for (const batch of batches) {
      const t = performance.now();
      const rows = await runRows(w, batch, { quick: args.quick, distDir, benchDir, python });
      const took = formatMs(performance.now() - t);
      for (const row of rows) {
        result.rows.push(row);
        const s = primary(w, row);
        const figure =
          s === undefined
            ? `not measured: ${row.error}`
            : `median ${w.kind === 'memory' ? `${Math.round(s.median)} B` : formatMs(s.median)} (${s.count} runs)`;
        // Not measured for want of python3 or of an optional peer (uvloop): not a failure.
        const missing =
          row.error?.startsWith('python3 not found') === true ||
          row.error?.startsWith('optional:') === true;
        if (row.error !== undefined && !missing) failures++;
        console.error(`${w.id} ${row.impl.id.padEnd(20)} ${figure}  [${took}]`);
      }
    }
    // Keep the table in the workload's row order.
    const order = w.implementations.map((i) => i.id);
    result.rows.sort((a, b) => order.indexOf(a.impl.id) - order.indexOf(b.impl.id));
  }
  const report = renderReport(machine, results, {
    quick: args.quick,
    loadAfter: loadAverage(),
    seconds: (performance.now() - started) / 1000,
    missing,
  });
  process.stdout.write(report);
  const out = args.out ?? (!args.quick && args.only === null ? join(benchDir, 'RESULTS.md') : null);
  if (out !== null) {
    writeFileSync(out, report);
    formatMarkdown(out, benchDir);
    console.error(`wrote ${out}`);
  }
  if (failures > 0) console.error(`${failures} row(s) failed`);
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(2);
  },
);
