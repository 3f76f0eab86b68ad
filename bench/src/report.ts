/** Renders the measurements as markdown: machine, targets, one table per workload. */
import type { Machine } from './machine.js';
import type { RowResult } from './runner.js';
import { type Summary, summarize } from './stats.js';
import {
  formatBytes,
  formatMs,
  type PlannedWorkload,
  type TargetCheck,
  targets,
} from './targets.js';
import type { Implementation, Workload } from './workload.js';

export { formatMs, type TargetCheck };

/** A workload and the result of each of its rows. */
export interface WorkloadResult {
  workload: Workload;
  rows: RowResult[];
}

/** The figure a row is ranked by: run time, timer overhead beyond the floor, or bytes. */
export function primary(w: Workload, row: RowResult): Summary | undefined {
  const m = row.measurement;
  if (m === undefined) return undefined;
  if (w.kind === 'timers') return summarize(m.metrics.overhead_ms ?? []);
  if (w.kind === 'memory') return summarize(m.metrics.bytes ?? []);
  return summarize(m.samples_ms);
}

/** The median of row `id` of workload `wid`, or undefined when it was not measured. */
export function medianOf(
  results: readonly WorkloadResult[],
  wid: string,
  id: string,
): number | undefined {
  const r = results.find((x) => x.workload.id === wid);
  const row = r?.rows.find((x) => x.impl.id === id);
  if (r === undefined || row === undefined) return undefined;
  const s = primary(r.workload, row);
  return s === undefined || Number.isNaN(s.median) ? undefined : s.median;
}

/** `3.20×`; a dash when the baseline is missing or not positive. */
export function formatRatio(value: number | undefined, base: number | undefined): string {
  if (value === undefined || base === undefined || !(base > 0)) return '—';
  const r = value / base;
  return `${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`;
}

function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k/s`;
  return `${perSecond.toFixed(0)} /s`;
}

const count = (n: number): string => n.toLocaleString('en-US');

function baselineOf(impl: Implementation): string {
  return impl.baseline ?? 'asyncio-ts';
}

/** The median CPU time of a row's runs and its ratio to its baseline's, or a dash. */
function cpuCell(r: WorkloadResult, row: RowResult): string {
  const w = r.workload.id;
  const cpu = figureOf([r], `${w}:${row.impl.id}#cpu_ms`);
  if (cpu === undefined) return '—';
  const base = figureOf([r], `${w}:${baselineOf(row.impl)}#cpu_ms`);
  return `${formatMs(cpu)} (${formatRatio(cpu, base)})`;
}

function table(r: WorkloadResult, quick: boolean): string[] {
  const w = r.workload;
  const size = quick ? w.size.quick : w.size.full;
  const fmt = w.kind === 'memory' ? formatBytes : formatMs;
  const head =
    w.kind === 'timers'
      ? [
          'implementation',
          `overhead beyond ${size.span} s`,
          'spread (min–max)',
          'mean lateness',
          'runs',
          '× asyncio-ts',
        ]
      : w.kind === 'memory'
        ? ['implementation', 'bytes per object', 'spread (min–max)', 'runs', '× asyncio-ts']
        : ['implementation', 'median', 'spread (min–max)', 'IQR', 'runs', '× asyncio-ts'];
  const perSecond = w.id === 'W2' ? 'callbacks/s' : w.id === 'T1' ? 'calls/s' : null;
  if (perSecond !== null) head.splice(head.length - 1, 0, perSecond);
  if (w.id === 'T2') head.splice(1, 0, 'gathered', 'gathered / sequential', 'ticker gap');
  if (w.kind === 'time') head.push('CPU time (× asyncio-ts)');
  const lines = [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
  ];
  for (const row of r.rows) {
    const s = primary(w, row);
    if (s === undefined) {
      const cells = head.map(() => '');
      cells[0] = row.impl.label;
      cells[1] = `not measured: ${row.error ?? '?'}`.replace(/\|/g, '\\|');
      lines.push(`| ${cells.join(' | ')} |`);
      continue;
    }
    const ratio = formatRatio(s.median, medianOf([r], w.id, baselineOf(row.impl)));
    const spread = `${fmt(s.min)} – ${fmt(s.max)}`;
    let cells: string[];
    if (w.kind === 'timers') {
      const late = summarize(row.measurement?.metrics.lateness_ms ?? []);
      cells = [
        row.impl.label,
        fmt(s.median),
        spread,
        formatMs(late.median),
        String(s.count),
        ratio,
      ];
    } else if (w.kind === 'memory') {
      cells = [row.impl.label, fmt(s.median), spread, String(s.count), ratio];
    } else {
      cells = [
        row.impl.label,
        fmt(s.median),
        spread,
        `${fmt(s.q1)} – ${fmt(s.q3)}`,
        String(s.count),
        ratio,
      ];
      if (perSecond !== null)
        cells.splice(cells.length - 1, 0, formatRate((size.n / s.median) * 1000));
      if (w.id === 'T2') {
        const metric = (name: string) => summarize(row.measurement?.metrics[name] ?? []).median;
        cells.splice(
          1,
          0,
          formatMs(metric('gathered_ms')),
          `${metric('ratio').toFixed(2)}×`,
          formatMs(metric('max_gap_ms')),
        );
      }
      cells.push(cpuCell(r, row));
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

/** The median of a target's figure: `W1:native` (the row's primary figure) or `T2:x#ratio`. */
export function figureOf(results: readonly WorkloadResult[], ref: string): number | undefined {
  const colon = ref.indexOf(':');
  const hash = ref.indexOf('#');
  const wid = ref.slice(0, colon);
  const id = ref.slice(colon + 1, hash < 0 ? undefined : hash);
  if (hash < 0) return medianOf(results, wid, id);
  const row = results.find((r) => r.workload.id === wid)?.rows.find((r) => r.impl.id === id);
  const values = row?.measurement?.metrics[ref.slice(hash + 1)];
  if (values === undefined || values.length === 0) return undefined;
  return summarize(values).median;
}

/** The peers target of issue 11: asyncio-ts ahead of Effection and Effect on W1 to W7. */
function aheadOfPeers(r: WorkloadResult): TargetCheck | undefined {
  const w = r.workload;
  if (!/^W[1-7]$/.test(w.id)) return undefined;
  const peers = r.rows.filter(
    (row) => row.impl.library === 'effection' || row.impl.library === 'effect',
  );
  const libraries = new Set(peers.map((row) => row.impl.library));
  if (!libraries.has('effection') || !libraries.has('effect')) return undefined;
  const parts: string[] = [];
  let met: boolean | null = true;
  for (const row of peers) {
    const theirs = medianOf([r], w.id, row.impl.id);
    const base = medianOf([r], w.id, baselineOf(row.impl));
    if (theirs === undefined || base === undefined) {
      met = null;
      parts.push(`${row.impl.id}: not measured`);
      continue;
    }
    if (!(theirs > base) && met !== null) met = false;
    const f = w.kind === 'memory' ? formatBytes : formatMs;
    parts.push(`${row.impl.id} ${f(theirs)} vs ${f(base)} (${formatRatio(theirs, base)})`);
  }
  return {
    target: `${w.id}: ahead of Effection and Effect (issue 11)`,
    figures: parts.join('; '),
    met,
  };
}

/**
 * Judges every target (targets.ts) of the workloads in `results`, and reports those of
 * `missing` workloads (not in this tree) as not measured; targets of workloads left out
 * with --only are not listed.
 */
export function checkTargets(
  results: readonly WorkloadResult[],
  missing: readonly PlannedWorkload[] = [],
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const t of targets) {
    const target = `${t.text} (issue ${t.issue})`;
    const gone = missing.find((p) => p.id === t.workload);
    if (gone !== undefined) {
      checks.push({ target, figures: notInTree(gone), met: null });
      continue;
    }
    if (!results.some((r) => r.workload.id === t.workload)) continue;
    const judged = t.judge((ref) => figureOf(results, ref));
    checks.push(
      judged === undefined
        ? { target, figures: 'a row it needs was not measured', met: null }
        : { target, ...judged },
    );
  }
  for (const r of results) {
    const check = aheadOfPeers(r);
    if (check !== undefined) checks.push(check);
  }
  return checks;
}

/** Why a planned workload has no figures: its package is not in this tree yet. */
export function notInTree(p: PlannedWorkload): string {
  return `not measured: ${p.id} (issue ${p.issue}) is not in this tree: ${p.package} has not landed`;
}

/** The whole report: machine, how to read it, targets, then each workload's table. */
export function renderReport(
  machine: Machine,
  results: readonly WorkloadResult[],
  opts: {
    quick: boolean;
    loadAfter: string;
    seconds: number;
    missing?: readonly PlannedWorkload[];
  },
): string {
  const missing = opts.missing ?? [];
  const v = machine.versions;
  const lines: string[] = [
    opts.quick
      ? '# asyncio-ts benchmarks (--quick: sizes 1/100, one run; figures mean nothing)'
      : '# asyncio-ts benchmarks',
    '',
    `Generated by \`pnpm bench\` (bench/src/cli.ts) on ${machine.date}${machine.commit ? ` at commit ${machine.commit}` : ''}, in ${Math.round(opts.seconds)} s.`,
    '',
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}`,
    `- Load average (1/5/15 min) at start: ${machine.loadAverage}; at end: ${opts.loadAfter}`,
    `- Allocation probe (a fresh Node allocating and holding 1,000,000 small objects, median of 5): ${machine.allocationMs === null ? '?' : formatMs(machine.allocationMs)}`,
    `- Node ${machine.node}; CPython ${machine.python ?? 'not found (CPython rows not measured)'}; effect ${v.effect}; effection ${v.effection}; tinybench ${v.tinybench}`,
    '',
    'How to read: every row runs in its own Node (or python3) process. A first run checks the',
    'result and warms up; then tinybench times at least 5 runs (3 when one run takes over 2 s; a',
    'row whose first run takes over 10 s has that run as its only sample), and the tables show',
    'the median and the spread. **× asyncio-ts = this row / the asyncio-ts row: above 1 means',
    'slower (or, for memory, bigger) than asyncio-ts.** CPython rows are timed the same way by',
    '`bench/python/bench.py` with `time.perf_counter`. Ratios compare rows of this one run.',
    "Time tables also show each row's median CPU time (user + system, all threads; CPython:",
    '`time.process_time`), which a busy machine moves much less than wall time; the targets are',
    'judged on wall time, and show the CPU-time ratio beside it.',
    '',
    '## Targets, in this run',
    '',
    'Every target the issues set (bench/src/targets.ts), judged on the figures below.',
    '',
    '| target | figures | met |',
    '| --- | --- | --- |',
  ];
  for (const t of checkTargets(results, missing)) {
    const met =
      t.met === null
        ? '— not measured'
        : t.met === 'no bound'
          ? '— no bound'
          : t.met
            ? '✅ met'
            : '❌ missed';
    lines.push(`| ${t.target} | ${t.figures} | ${met} |`);
  }
  for (const r of results) {
    const w = r.workload;
    const size = opts.quick ? w.size.quick : w.size.full;
    const span = w.kind === 'timers' ? ` over ${size.span} s` : '';
    lines.push('', `## ${w.id} ${w.title} (n = ${count(size.n)}${span})`, '', w.description, '');
    lines.push(...table(r, opts.quick));
    if (w.notes !== undefined && w.notes.length > 0) {
      lines.push('');
      for (const note of w.notes) lines.push(`- ${note}`);
    }
  }
  for (const p of missing) lines.push('', `## ${p.id}`, '', notInTree(p));
  lines.push('');
  return lines.join('\n');
}
