/** The targets of issue 20 (threads): T1's call rates and T2's multi-core figure. */
import { formatMs, medianOf, type TargetCheck, type WorkloadResult } from './report.js';
import { summarize } from './stats.js';

function metricMedian(
  results: readonly WorkloadResult[],
  wid: string,
  id: string,
  metric: string,
): number | undefined {
  const row = results.find((r) => r.workload.id === wid)?.rows.find((r) => r.impl.id === id);
  const values = row?.measurement?.metrics[metric];
  if (values === undefined || values.length === 0) return undefined;
  return summarize(values).median;
}

function rate(results: readonly WorkloadResult[], id: string): number | undefined {
  return medianOf(results, 'T1', id);
}

/** T1: runAsync ≥ CPython's to_thread rate, run() ≥ 0.5× it; T2: ≤ 0.65×, gaps ≤ 50 ms. */
export function threadTargets(results: readonly WorkloadResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const cpython = rate(results, 'cpython');
  for (const [id, label, least] of [
    ['asyncio-ts-host', 'T1 runAsync: ≥ CPython asyncio.to_thread call rate', 1],
    ['asyncio-ts', 'T1 run(): ≥ 0.5× CPython asyncio.to_thread call rate', 0.5],
  ] as const) {
    const ours = rate(results, id);
    if (ours === undefined || cpython === undefined) {
      checks.push({ target: label, figures: 'a row it needs was not measured', met: null });
      continue;
    }
    // Same n on both rows: the rate ratio is the inverse ratio of the medians.
    const ratio = cpython / ours;
    checks.push({
      target: label,
      figures: `asyncio-ts ${formatMs(ours)} vs CPython ${formatMs(cpython)} for the same calls = ${ratio.toFixed(2)}× CPython's rate`,
      met: ratio >= least,
    });
  }
  for (const [id, mode] of [
    ['asyncio-ts', 'run()'],
    ['asyncio-ts-host', 'runAsync'],
  ] as const) {
    const ratio = metricMedian(results, 'T2', id, 'ratio');
    const gap = metricMedian(results, 'T2', id, 'max_gap_ms');
    const label = `T2 ${mode}: four CPU-bound calls gathered ≤ 0.65× sequential; ticker gap ≤ 50 ms`;
    if (ratio === undefined || gap === undefined) {
      checks.push({ target: label, figures: 'not measured', met: null });
      continue;
    }
    const seq = metricMedian(results, 'T2', id, 'sequential_ms');
    const gathered = metricMedian(results, 'T2', id, 'gathered_ms');
    const floor = metricMedian(results, 'T2', 'native-workers', 'ratio');
    const machine =
      floor === undefined ? '' : `; plain worker_threads in this run: ${floor.toFixed(2)}×`;
    checks.push({
      target: label,
      figures: `gathered ${formatMs(gathered ?? Number.NaN)} / sequential ${formatMs(seq ?? Number.NaN)} = ${ratio.toFixed(2)}×; largest ticker gap ${formatMs(gap)}${machine}`,
      met: ratio <= 0.65 && gap <= 50,
    });
  }
  return checks;
}
