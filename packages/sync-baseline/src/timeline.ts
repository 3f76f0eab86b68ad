/** A named job of the comparison: `seconds` of waiting, like the notebook's `time.sleep(2)`. */
export interface Job {
  readonly name: string;
  readonly seconds: number;
}

/** A named blocking job given as a function, e.g. the notebook's `task1()`. */
export interface SequentialJob {
  readonly name: string;
  readonly run: () => void;
}

/** When one job ran, in seconds from the start of its run. */
export interface JobSpan {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** One run of the jobs: each job's span, in the order the jobs were given, and the total. */
export interface Timeline {
  readonly spans: readonly JobSpan[];
  readonly total: number;
}
