/**
 * Runs rows of one workload (one row per process in a full run; every Node row of the
 * workload in --quick) and prints `{ id: Measurement | { error } }` as JSON on stdout.
 *   node dist/child.js W1 asyncio-ts[,native,...] [--quick]
 * The first run checks the result and warms up; tinybench then times the measured runs.
 * Memory rows (W7) are not timed: each run reports its bytes per object.
 */
import { Bench } from 'tinybench';
import { type Measurement, SLOW_MS, SLOW_RUNS, VERY_SLOW_MS } from './measurement.js';
import type { NodeImplementation, Outcome, Size, Workload } from './workload.js';
import { workloadById } from './workloads/index.js';

function implementation(w: Workload, id: string): NodeImplementation {
  const impl = w.implementations.find((i) => i.id === id);
  if (impl === undefined || impl.library === 'cpython') {
    throw new TypeError(`${w.id} has no Node implementation ${JSON.stringify(id)}`);
  }
  return impl;
}

function check(w: Workload, impl: NodeImplementation, out: Outcome): Outcome {
  if (!out.ok) throw new Error(`${w.id} ${impl.id}: wrong result`);
  return out;
}

/** The outcome with the run's CPU time (`cpu_ms`: user + system, every thread of the process). */
function withCpu(out: Outcome, since: NodeJS.CpuUsage): Outcome {
  const used = process.cpuUsage(since);
  return { ...out, metrics: { ...out.metrics, cpu_ms: (used.user + used.system) / 1000 } };
}

/**
 * One run of `impl`, with its CPU time: on a shared machine the wall time of a run depends on
 * the other processes, its CPU time much less.
 */
function runWithCpu(impl: NodeImplementation, size: Size): Outcome | Promise<Outcome> {
  const since = process.cpuUsage();
  const out = impl.run(size);
  return out instanceof Promise ? out.then((o) => withCpu(o, since)) : withCpu(out, since);
}

async function measure(
  w: Workload,
  impl: NodeImplementation,
  quick: boolean,
): Promise<Measurement> {
  const size = quick ? w.size.quick : w.size.full;
  const metrics: Record<string, number[]> = {};
  const record = (out: Outcome): void => {
    for (const [key, value] of Object.entries(out.metrics ?? {})) {
      const values = metrics[key] ?? [];
      values.push(value);
      metrics[key] = values;
    }
  };

  const start = performance.now();
  const pending = runWithCpu(impl, size);
  const isAsync = pending instanceof Promise;
  const first = check(w, impl, await pending);
  const probe = performance.now() - start;
  if (quick || probe > VERY_SLOW_MS) {
    record(first);
    return { samples_ms: [probe], metrics, result_ok: true };
  }

  if (w.kind === 'memory') {
    const samples: number[] = [];
    for (let i = 0; i < w.runs; i++) {
      const t = performance.now();
      record(check(w, impl, await runWithCpu(impl, size)));
      samples.push(performance.now() - t);
    }
    return { samples_ms: samples, metrics, result_ok: true };
  }

  const slow = probe > SLOW_MS;
  const bench = new Bench({
    name: `${w.id} ${impl.id}`,
    iterations: slow ? SLOW_RUNS : w.runs,
    time: slow ? 0 : w.budgetMs,
    warmup: !slow,
    warmupIterations: 1,
    warmupTime: 0,
    retainSamples: true,
    throws: true,
  });
  if (isAsync) {
    bench.add(impl.id, async () => record(check(w, impl, await runWithCpu(impl, size))), {
      async: true,
    });
  } else {
    bench.add(impl.id, () => record(check(w, impl, runWithCpu(impl, size) as Outcome)), {
      async: false,
    });
  }
  await bench.run();
  const task = bench.getTask(impl.id);
  const result = task?.result;
  if (result === undefined || !('latency' in result)) {
    const error = result !== undefined && 'error' in result ? result.error : undefined;
    throw error ?? new Error(`${w.id} ${impl.id}: tinybench produced no samples`);
  }
  const samples = [...(result.latency.samples ?? [])];
  // Warm-up runs recorded metrics too: keep those of the measured runs, the last ones.
  for (const key of Object.keys(metrics))
    metrics[key] = (metrics[key] ?? []).slice(-samples.length);
  return { samples_ms: samples, metrics, result_ok: true };
}

async function main(): Promise<void> {
  const [workloadId, ids, ...flags] = process.argv.slice(2);
  if (workloadId === undefined || ids === undefined) {
    throw new TypeError('usage: node dist/child.js <workload id> <id>[,<id>...] [--quick]');
  }
  const w = workloadById(workloadId);
  const out: Record<string, Measurement | { error: string }> = {};
  for (const id of ids.split(',')) {
    try {
      out[id] = await measure(w, implementation(w, id), flags.includes('--quick'));
    } catch (error) {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      out[id] = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().then(
  // Pending one-hour timers of a peer's cleanup must not keep the process alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
