export { type Comparison, compare } from './compare.js';
export { monotonic, perfCounter } from './perf-counter.js';
export { type BaselineOptions, runSequential } from './run-sequential.js';
export { type SleepSyncOptions, sleepSync } from './sleep-sync.js';
export type { Job, JobSpan, SequentialJob, Timeline } from './timeline.js';
