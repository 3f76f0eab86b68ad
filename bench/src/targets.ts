/**
 * Every target the issues set for the bench, in one table, and the workloads they expect.
 * A target names rows as `W1:native` (workload:row); `W1:native#bytes` reads a metric's
 * median instead of the row's primary figure. A target whose workload is not in this tree
 * (its package has not landed) is reported as such, never as a failure.
 */

/** A target judged on one run: what it asks, the figures, and whether it holds. */
export interface TargetCheck {
  target: string;
  figures: string;
  /** null: a row it needs was not measured (or the workload is not in this tree). */
  met: boolean | null | 'no bound';
}

/** The median figure of a row (`W1:native`) or of a row's metric (`T2:asyncio-ts#ratio`). */
export type Figure = (ref: string) => number | undefined;

/** One target: the workload it belongs to, the issue that set it, and how to judge it. */
export interface Target {
  workload: string;
  issue: number;
  text: string;
  /** The figures and the verdict; undefined when a row it needs was not measured. */
  judge(figure: Figure): { figures: string; met: boolean | 'no bound' } | undefined;
}

/** A workload an issue asks for, and the package it measures. */
export interface PlannedWorkload {
  id: string;
  issue: number;
  package: string;
}

/** The workloads of the issues after the first round: reported as missing until they land. */
export const plannedWorkloads: readonly PlannedWorkload[] = [
  { id: 'L1', issue: 17, package: '@asyncio-ts/locks' },
  { id: 'Q1', issue: 18, package: '@asyncio-ts/queues' },
  { id: 'C1', issue: 19, package: '@asyncio-ts/contextvars' },
  { id: 'T1', issue: 20, package: '@asyncio-ts/threads' },
  { id: 'T2', issue: 20, package: '@asyncio-ts/threads' },
  { id: 'S1', issue: 21, package: '@asyncio-ts/streams' },
  { id: 'S2', issue: 21, package: '@asyncio-ts/streams' },
  { id: 'P1', issue: 21, package: '@asyncio-ts/subprocess' },
];

/** `1.23 s`, `456 ms`, `7.8 ms`, `0.12 ms`. */
export function formatMs(ms: number): string {
  const a = Math.abs(ms);
  if (a >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (a >= 100) return `${ms.toFixed(0)} ms`;
  if (a >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** `1,234 B`. */
export function formatBytes(b: number): string {
  return `${Math.round(b).toLocaleString('en-US')} B`;
}

type Unit = 'ms' | 'B';
const show = (v: number, unit: Unit): string => (unit === 'B' ? formatBytes(v) : formatMs(v));
const name = (ref: string): string => ref.slice(ref.indexOf(':') + 1);
const workloadOf = (ref: string): string => ref.slice(0, ref.indexOf(':'));

/** A target of `issue` on the workload of `ref` (`W1:native` → W1). */
function target(issue: number, text: string, ref: string, judge: Target['judge']): Target {
  return { workload: workloadOf(ref), issue, text, judge };
}

/**
 * `a / b ≤ bound` (or `≥` with `least`): a is a row that should be fast (or small) next to b.
 * For speed targets ("≥ 8× CPython's speed") pass CPython as `a` and ours as `b` with `least`.
 */
function ratio(
  issue: number,
  text: string,
  a: string,
  b: string,
  bound: number,
  opts: { least?: boolean; unit?: Unit } = {},
): Target {
  const unit = opts.unit ?? 'ms';
  return target(issue, text, a, (figure) => {
    const x = figure(a);
    const y = figure(b);
    if (x === undefined || y === undefined || !(y > 0)) return undefined;
    const r = x / y;
    const sign = opts.least ? '≥' : '≤';
    // Wall-time ratios also show the ratio of CPU times (informative: the bound is on wall).
    const cx = unit === 'ms' && !a.includes('#') ? figure(`${a}#cpu_ms`) : undefined;
    const cy = unit === 'ms' && !b.includes('#') ? figure(`${b}#cpu_ms`) : undefined;
    const cpu =
      cx !== undefined && cy !== undefined && cy > 0 ? `; CPU time ${(cx / cy).toFixed(2)}×` : '';
    return {
      figures: `${name(a)} ${show(x, unit)} / ${name(b)} ${show(y, unit)} = ${r.toFixed(2)}× (needs ${sign} ${bound}×)${cpu}`,
      met: opts.least ? r >= bound : r <= bound,
    };
  });
}

/** A figure reported against its peers where the issue sets no bound. */
function reported(issue: number, text: string, ours: string, peers: readonly string[]): Target {
  return target(issue, text, ours, (figure) => {
    const x = figure(ours);
    if (x === undefined) return undefined;
    const parts = [`${name(ours)} ${formatMs(x)}`];
    for (const p of peers) {
      const y = figure(p);
      parts.push(y === undefined ? `${name(p)} not measured` : `${name(p)} ${formatMs(y)}`);
    }
    return { figures: parts.join('; '), met: 'no bound' };
  });
}

/** A single figure (a metric such as a ratio or a gap) at most `bound`. */
function atMost(issue: number, text: string, ref: string, bound: number, unit: 'ms' | '×'): Target {
  return target(issue, text, ref, (figure) => {
    const x = figure(ref);
    if (x === undefined) return undefined;
    const shown = unit === 'ms' ? formatMs(x) : `${x.toFixed(2)}×`;
    return {
      figures: `${name(ref)} ${shown} (needs ≤ ${bound}${unit === 'ms' ? ' ms' : '×'})`,
      met: x <= bound,
    };
  });
}

const faster = (issue: number, text: string, theirs: string, ours: string, times: number) =>
  ratio(issue, text, theirs, ours, times, { least: true });

/** Every target, in the order of the report. */
export const targets: readonly Target[] = [
  // Issue 11 (first round), still held.
  faster(11, 'W1: ≥ 8× CPython asyncio', 'W1:cpython', 'W1:asyncio-ts', 8),
  ratio(11, 'W1 host mode: ≤ 1.5× the blocking run', 'W1:asyncio-ts-host', 'W1:asyncio-ts', 1.5),
  faster(11, "W2: ≥ 5× CPython's call_soon rate", 'W2:cpython', 'W2:asyncio-ts', 5),
  faster(11, "W2: ≥ native queueMicrotask's rate", 'W2:native-microtask', 'W2:asyncio-ts', 1),
  faster(
    11,
    "W3: overhead beyond the 1 s floor ≤ a fifth of CPython's",
    'W3:cpython',
    'W3:asyncio-ts',
    5,
  ),
  // Issue 24 (second round).
  ratio(24, 'W1: median ≤ 1.3× native Promise.all', 'W1:asyncio-ts', 'W1:native', 1.3),
  ratio(24, 'W1: ≤ 1.15× the bare generator trampoline', 'W1:asyncio-ts', 'W1:trampoline', 1.15),
  ratio(24, "W6: ≤ 0.5× Effect's time", 'W6:asyncio-ts', 'W6:effect', 0.5),
  faster(24, "W6: ≥ 8× CPython's speed", 'W6:cpython', 'W6:asyncio-ts', 8),
  ratio(24, "W7: bytes per pending task ≤ native's", 'W7:asyncio-ts', 'W7:native', 1, {
    unit: 'B',
  }),
  ratio(
    24,
    "W7: bytes per sleeping task below native's",
    'W7:asyncio-ts-sleeping',
    'W7:native-sleeping',
    0.999,
    { unit: 'B' },
  ),
  // The packages of issues 17 to 21.
  faster(17, "L1: ≥ 10× CPython's speed", 'L1:cpython', 'L1:asyncio-ts', 10),
  faster(18, "Q1: ≥ 10× CPython's speed", 'Q1:cpython', 'Q1:asyncio-ts', 10),
  ratio(
    19,
    'C1: a ContextVar set in main ≤ 1.15× plain W1',
    'C1:asyncio-ts-contextvar',
    'C1:asyncio-ts',
    1.15,
  ),
  faster(20, "T1 runAsync: ≥ CPython to_thread's call rate", 'T1:cpython', 'T1:asyncio-ts-host', 1),
  faster(20, "T1 run(): ≥ 0.5× CPython to_thread's call rate", 'T1:cpython', 'T1:asyncio-ts', 0.5),
  atMost(
    20,
    'T2 run(): four CPU-bound calls gathered ≤ 0.65× sequential',
    'T2:asyncio-ts#ratio',
    0.65,
    '×',
  ),
  atMost(20, 'T2 runAsync: the same ≤ 0.65×', 'T2:asyncio-ts-host#ratio', 0.65, '×'),
  atMost(
    20,
    'T2 run(): the 10 ms ticker never waits over 50 ms',
    'T2:asyncio-ts#max_gap_ms',
    50,
    'ms',
  ),
  atMost(20, 'T2 runAsync: the same ≤ 50 ms', 'T2:asyncio-ts-host#max_gap_ms', 50, 'ms'),
  faster(
    21,
    "S1 runAsync: ≥ 1.5× CPython streams' round-trip rate",
    'S1:cpython',
    'S1:asyncio-ts',
    1.5,
  ),
  faster(21, 'S1 runAsync: ≥ 0.5× a plain node:net echo', 'S1:native', 'S1:asyncio-ts', 0.5),
  faster(21, "S1 run(): ≥ CPython streams' round-trip rate", 'S1:cpython', 'S1:asyncio-ts-run', 1),
  reported(21, 'S2: one 64 MiB transfer, against node:net and CPython', 'S2:asyncio-ts', [
    'S2:native',
    'S2:cpython',
  ]),
  reported(21, 'P1: 200 `true` processes, 20 at a time, against CPython', 'P1:asyncio-ts', [
    'P1:cpython',
  ]),
];
