/** Every workload, in the order the report shows them. */
import { type PlannedWorkload, plannedWorkloads } from '../targets.js';
import type { Workload } from '../workload.js';
import { c1 } from './c1-contextvars.js';
import { l1 } from './l1-lock.js';
import { p1 } from './p1-subprocess.js';
import { q1 } from './q1-queue.js';
import { s1 } from './s1-streams-echo.js';
import { s2 } from './s2-streams-transfer.js';
import { t1 } from './t1-to-thread.js';
import { t2 } from './t2-multi-core.js';
import { w1 } from './w1-spawn-gather.js';
import { w2 } from './w2-call-soon.js';
import { w3 } from './w3-timers.js';
import { w4 } from './w4-ping-pong.js';
import { w5 } from './w5-await-chain.js';
import { w6 } from './w6-cancellation.js';
import { w7 } from './w7-memory.js';

export const workloads: readonly Workload[] = [
  w1,
  w2,
  w3,
  w4,
  w5,
  w6,
  w7,
  l1,
  q1,
  c1,
  t1,
  t2,
  s1,
  s2,
  p1,
];

/** The workload with this id (`W1` ... `W7`, `L1`, `Q1`, `C1`, `T1`, `T2`, `S1`, `S2`, `P1`), or a TypeError naming the known ids. */
export function workloadById(id: string): Workload {
  const found = workloads.find((w) => w.id === id.toUpperCase());
  if (found === undefined) {
    const known = workloads.map((w) => w.id).join(', ');
    throw new TypeError(
      `unknown workload: expected one of ${known}, received ${JSON.stringify(id)}`,
    );
  }
  return found;
}

/** The workloads the issues plan (targets.ts) that are not in this tree yet. */
export function missingWorkloads(): PlannedWorkload[] {
  return plannedWorkloads.filter((p) => !workloads.some((w) => w.id === p.id));
}
