/**
 * What a benchmark workload is: a size (full and --quick), the implementations that run it
 * in Node (asyncio-ts, native, Effection, Effect) and the rows that CPython runs.
 */

/**
 * The libraries compared; `asyncio-ts` is the baseline of every ratio. `floor`: the least a
 * generator-based loop can cost (W1's bare trampoline), no library.
 */
export type Library = 'asyncio-ts' | 'native' | 'floor' | 'effection' | 'effect' | 'cpython';

/** The size of one run: `n` objects (tasks, callbacks, timers, depth); `span` seconds (W3). */
export interface Size {
  n: number;
  span: number;
}

/** What one run reports besides its duration: correctness and extra figures (ms, bytes). */
export interface Outcome {
  ok: boolean;
  metrics?: Record<string, number>;
}

/** One row of a workload's table, run in a Node child process. */
export interface NodeImplementation {
  id: string;
  library: Exclude<Library, 'cpython'>;
  /** The row label: library and the primitive it uses. */
  label: string;
  /** The asyncio-ts row this row's ratio is taken against (default `asyncio-ts`). */
  baseline?: string;
  run(size: Size): Outcome | Promise<Outcome>;
}

/** One row run by `python3 bench/python/bench.py <workload> <impl>`. */
export interface PythonImplementation {
  id: string;
  library: 'cpython';
  label: string;
  /** The asyncio-ts row this row's ratio is taken against (default `asyncio-ts`). */
  baseline?: string;
  /** The implementation's name in bench.py. */
  impl: string;
}

export type Implementation = NodeImplementation | PythonImplementation;

/** How a workload's table reads: time per run, timer overhead, or bytes per object. */
export type WorkloadKind = 'time' | 'timers' | 'memory';

export interface Workload {
  /** `W1`...`W7`, and the rows of later issues (`L1`, `C1`, ...: targets.ts lists them). */
  id: string;
  title: string;
  /** One sentence: what one run does. */
  description: string;
  kind: WorkloadKind;
  size: { full: Size; quick: Size };
  /** Flags for the Node child process (W5 needs a deeper stack, W7 needs gc()). */
  nodeFlags?: string[];
  /** Measured runs at least (after warm-up), and the time they should fill at least (ms). */
  runs: number;
  budgetMs: number;
  implementations: Implementation[];
  /** Notes printed under the table: which primitive each library uses, what is not measured. */
  notes?: string[];
}

/** An Outcome for a run whose result is right when `ok`. */
export function outcome(ok: boolean, metrics?: Record<string, number>): Outcome {
  return metrics === undefined ? { ok } : { ok, metrics };
}

/** 0, 1, ..., n - 1. */
export function range(n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** True when `values` is exactly 0, 1, ..., n - 1. */
export function isRange(values: readonly number[], n: number): boolean {
  if (values.length !== n) return false;
  for (let i = 0; i < n; i++) if (values[i] !== i) return false;
  return true;
}
