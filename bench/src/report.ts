/** Renders the measurements as markdown: machine, targets, one table per workload. */
import type { Machine } from './machine.js';
import type { RowResult } from './runner.js';
import { type Summary, summarize } from './stats.js';
import { threadTargets } from './targets-threads.js';
import type { Implementation, Workload } from './workload.js';

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

/** `1.23 s`, `456 ms`, `7.8 ms`, `0.12 ms`. */
export function formatMs(ms: number): string {
  const a = Math.abs(ms);
  if (a >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (a >= 100) return `${ms.toFixed(0)} ms`;
  if (a >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

function formatBytes(b: number): string {
  return `${Math.round(b).toLocaleString('en-US')} B`;
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
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

/** One target of issue 11, judged on this run. */
export interface TargetCheck {
  target: string;
  figures: string;
  /** null: a row it needs was not measured. */
  met: boolean | null;
}

/** Judges the issue's targets on `results` (ratios within this one run). */
export function checkTargets(results: readonly WorkloadResult[]): TargetCheck[] {
  const m = (wid: string, id: string) => medianOf(results, wid, id);
  const checks: TargetCheck[] = [];
  const ratioTarget = (
    target: string,
    num: number | undefined,
    den: number | undefined,
    ok: (ratio: number) => boolean,
    describe: (ratio: number) => string,
  ): void => {
    if (num === undefined || den === undefined || !(den > 0)) {
      checks.push({ target, figures: 'a row it needs was not measured', met: null });
      return;
    }
    const ratio = num / den;
    checks.push({ target, figures: describe(ratio), met: ok(ratio) });
  };
  const ours = (wid: string, id = 'asyncio-ts') => m(wid, id);

  ratioTarget(
    'W1: ≥ 8× CPython asyncio',
    m('W1', 'cpython'),
    ours('W1'),
    (r) => r >= 8,
    (r) => `CPython ${fmt(m('W1', 'cpython'))} / asyncio-ts ${fmt(ours('W1'))} = ${r.toFixed(2)}×`,
  );
  ratioTarget(
    'W1: ≤ 1.6× native Promise.all',
    ours('W1'),
    m('W1', 'native'),
    (r) => r <= 1.6,
    (r) => `asyncio-ts ${fmt(ours('W1'))} / native ${fmt(m('W1', 'native'))} = ${r.toFixed(2)}×`,
  );
  ratioTarget(
    'W1 host mode: ≤ 1.5× the blocking run',
    ours('W1', 'asyncio-ts-host'),
    ours('W1'),
    (r) => r <= 1.5,
    (r) =>
      `runAsync ${fmt(ours('W1', 'asyncio-ts-host'))} / run ${fmt(ours('W1'))} = ${r.toFixed(2)}×`,
  );
  ratioTarget(
    "W2: ≥ 5× CPython's call_soon rate",
    m('W2', 'cpython'),
    ours('W2'),
    (r) => r >= 5,
    (r) => `CPython ${fmt(m('W2', 'cpython'))} / asyncio-ts ${fmt(ours('W2'))} = ${r.toFixed(2)}×`,
  );
  ratioTarget(
    'W2: ≥ native queueMicrotask rate',
    m('W2', 'native-microtask'),
    ours('W2'),
    (r) => r >= 1,
    (r) =>
      `queueMicrotask ${fmt(m('W2', 'native-microtask'))} / asyncio-ts ${fmt(ours('W2'))} = ${r.toFixed(2)}×`,
  );
  ratioTarget(
    "W3: overhead beyond the 1 s floor ≤ a fifth of CPython's",
    m('W3', 'cpython'),
    ours('W3'),
    (r) => r >= 5,
    (r) =>
      `CPython ${fmt(m('W3', 'cpython'))} / asyncio-ts ${fmt(ours('W3'))} = ${r.toFixed(2)}× (needs ≥ 5×)`,
  );
  ratioTarget(
    'L1: ≥ 10× CPython asyncio',
    m('L1', 'cpython'),
    ours('L1'),
    (r) => r >= 10,
    (r) => `CPython ${fmt(m('L1', 'cpython'))} / asyncio-ts ${fmt(ours('L1'))} = ${r.toFixed(2)}×`,
  );
  ratioTarget(
    'Q1: ≥ 10× CPython asyncio',
    m('Q1', 'cpython'),
    ours('Q1'),
    (r) => r >= 10,
    (r) => `CPython ${fmt(m('Q1', 'cpython'))} / asyncio-ts ${fmt(ours('Q1'))} = ${r.toFixed(2)}×`,
  );
  ratioTarget(
    'C1: a ContextVar set in main costs ≤ 1.15× plain W1 (issue 19)',
    ours('C1', 'asyncio-ts-contextvar'),
    ours('C1'),
    (r) => r <= 1.15,
    (r) =>
      `with ContextVar ${fmt(ours('C1', 'asyncio-ts-contextvar'))} / plain ${fmt(ours('C1'))} = ${r.toFixed(2)}×`,
  );
  ratioTarget(
    'S1 runAsync: ≥ 1.5× CPython streams',
    m('S1', 'cpython'),
    ours('S1'),
    (r) => r >= 1.5,
    (r) => `CPython ${fmt(m('S1', 'cpython'))} / asyncio-ts ${fmt(ours('S1'))} = ${r.toFixed(2)}×`,
  );
  ratioTarget(
    'S1 runAsync: ≥ 0.5× plain node:net',
    m('S1', 'native'),
    ours('S1'),
    (r) => r >= 0.5,
    (r) => `node:net ${fmt(m('S1', 'native'))} / asyncio-ts ${fmt(ours('S1'))} = ${r.toFixed(2)}×`,
  );
  ratioTarget(
    'S1 blocking run: ≥ CPython streams',
    m('S1', 'cpython'),
    ours('S1', 'asyncio-ts-run'),
    (r) => r >= 1,
    (r) =>
      `CPython ${fmt(m('S1', 'cpython'))} / run ${fmt(ours('S1', 'asyncio-ts-run'))} = ${r.toFixed(2)}×`,
  );
  for (const r of results) {
    const w = r.workload;
    const peers = r.rows.filter(
      (row) => row.impl.library === 'effection' || row.impl.library === 'effect',
    );
    const libraries = new Set(peers.map((row) => row.impl.library));
    if (!libraries.has('effection') || !libraries.has('effect')) continue;
    const parts: string[] = [];
    let met: boolean | null = true;
    for (const row of peers) {
      const theirs = m(w.id, row.impl.id);
      const base = m(w.id, baselineOf(row.impl));
      if (theirs === undefined || base === undefined) {
        met = null;
        parts.push(`${row.impl.id}: not measured`);
        continue;
      }
      if (!(theirs > base) && met !== null) met = false;
      const f = w.kind === 'memory' ? formatBytes : formatMs;
      parts.push(`${row.impl.id} ${f(theirs)} vs ${f(base)} (${formatRatio(theirs, base)})`);
    }
    checks.push({
      target: `${w.id}: ahead of Effection and Effect`,
      figures: parts.join('; '),
      met,
    });
  }
  if (results.some((r) => r.workload.id === 'T1' || r.workload.id === 'T2')) {
    checks.push(...threadTargets(results));
  }
  return checks;
}

function fmt(ms: number | undefined): string {
  return ms === undefined ? '?' : formatMs(ms);
}

/** The whole report: machine, how to read it, targets, then each workload's table. */
export function renderReport(
  machine: Machine,
  results: readonly WorkloadResult[],
  opts: { quick: boolean; loadAfter: string; seconds: number },
): string {
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
    '',
    '## Targets (issue 11), in this run',
    '',
    '| target | figures | met |',
    '| --- | --- | --- |',
  ];
  for (const t of checkTargets(results)) {
    const met = t.met === null ? '— not measured' : t.met ? '✅ met' : '❌ missed';
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
  lines.push('');
  return lines.join('\n');
}
