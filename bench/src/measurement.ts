/** What a child process (Node or CPython) reports for one row: the same JSON shape. */
export interface Measurement {
  /** Duration of each measured run, ms (sorted or not). */
  samples_ms: number[];
  /** Extra figures, one value per measured run: overhead_ms, lateness_ms, bytes. */
  metrics: Record<string, number[]>;
  result_ok: boolean;
}

/** A first run longer than this is its own warm-up, and only SLOW_RUNS more follow. */
export const SLOW_MS = 2_000;
export const SLOW_RUNS = 3;
/** A first run longer than this is the row's only sample (Effection at 100,000 tasks). */
export const VERY_SLOW_MS = 10_000;
