/**
 * W3 timers: n timers spread evenly over `span` seconds (timer i waits (i + 1) / n * span).
 * Figures: wall time beyond the `span` floor (from before the first timer is scheduled to the
 * last one firing: the time spent scheduling counts) and the mean lateness of a timer: when
 * it fired minus when it was due (the moment it was scheduled plus its delay).
 * asyncio: `loop.call_later(delay, cb)` n times inside `asyncio.run`.
 */
import { type Clock, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { Duration, Effect } from 'effect';
import * as effection from 'effection';
import { type Outcome, outcome, type Workload } from '../workload.js';

/** What a timers run measured; `fired` must equal n. */
export interface TimersResult {
  fired: number;
  /** Wall time beyond the span floor, ms (on the virtual clock: the whole wall time). */
  overheadMs: number;
  /** Mean of (fire time - due time), ms, on the clock the timers run on; due = scheduled + delay. */
  latenessMs: number;
}

function toOutcome(n: number, r: TimersResult): Outcome {
  return outcome(r.fired === n, { overhead_ms: r.overheadMs, lateness_ms: r.latenessMs });
}

/**
 * asyncio-ts: `loop.callLater(delay, cb)` n times. With a VirtualClock the loop jumps from
 * timer to timer; lateness is then in virtual time and overhead is the real wall time.
 */
export function asyncioTsCallLater(n: number, span: number, clock?: Clock): TimersResult {
  const wallStart = performance.now();
  const result = run(
    function* () {
      const loop = getRunningLoop();
      const now = clock === undefined ? () => performance.now() : () => loop.time() * 1000;
      const done = loop.createFuture<void>();
      const t0 = now();
      let fired = 0;
      let late = 0;
      let last = 0;
      const fire = (due: number): void => {
        const at = now();
        late += at - due;
        fired++;
        if (fired === n) {
          last = at;
          done.setResult();
        }
      };
      for (let i = 0; i < n; i++) {
        const delay = ((i + 1) / n) * span;
        loop.callLater(delay, fire, now() + delay * 1000);
      }
      yield* done;
      return { fired, overheadMs: last - t0 - span * 1000, latenessMs: late / n };
    },
    clock === undefined ? undefined : { clock },
  );
  if (clock !== undefined) result.overheadMs = performance.now() - wallStart;
  return result;
}

/** asyncio-ts: n tasks, each `yield* sleep(delay)`, gathered. */
export function asyncioTsSleepTasks(n: number, span: number): TimersResult {
  return run(function* () {
    const t0 = performance.now();
    let late = 0;
    let last = 0;
    function* sleeper(delay: number): Coroutine<number> {
      const due = performance.now() + delay * 1000;
      yield* sleep(delay);
      const at = performance.now();
      late += at - due;
      if (at > last) last = at;
      return 1;
    }
    const coros = new Array<Coroutine<number>>(n);
    for (let i = 0; i < n; i++) coros[i] = sleeper(((i + 1) / n) * span);
    const ones = yield* gather(coros);
    const fired = ones.reduce((a, b) => a + b, 0);
    return { fired, overheadMs: last - t0 - span * 1000, latenessMs: late / n };
  });
}

/** Native: n `setTimeout(cb, delayMs)`. */
export function nativeSetTimeout(n: number, span: number): Promise<TimersResult> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let fired = 0;
    let late = 0;
    const fire = (due: number): void => {
      const at = performance.now();
      late += at - due;
      fired++;
      if (fired === n) resolve({ fired, overheadMs: at - t0 - span * 1000, latenessMs: late / n });
    };
    for (let i = 0; i < n; i++) {
      const delayMs = ((i + 1) / n) * span * 1000;
      setTimeout(fire, delayMs, performance.now() + delayMs);
    }
  });
}

/** Effection: `all()` of n operations, each `sleep(delayMs)`. */
export function effectionSleep(n: number, span: number): Promise<TimersResult> {
  return effection.run(function* () {
    const t0 = performance.now();
    let late = 0;
    let last = 0;
    function* sleeper(delayMs: number): effection.Operation<number> {
      const due = performance.now() + delayMs;
      yield* effection.sleep(delayMs);
      const at = performance.now();
      late += at - due;
      if (at > last) last = at;
      return 1;
    }
    const ops = new Array<effection.Operation<number>>(n);
    for (let i = 0; i < n; i++) ops[i] = sleeper(((i + 1) / n) * span * 1000);
    const ones = yield* effection.all(ops);
    const fired = ones.reduce((a, b) => a + b, 0);
    return { fired, overheadMs: last - t0 - span * 1000, latenessMs: late / n };
  });
}

/** Effect: `Effect.forEach` unbounded, each fiber `Effect.sleep(Duration.millis(delayMs))`. */
export function effectSleep(n: number, span: number): Promise<TimersResult> {
  return Effect.runPromise(
    Effect.gen(function* () {
      const t0 = performance.now();
      let late = 0;
      let last = 0;
      const delays = new Array<number>(n);
      for (let i = 0; i < n; i++) delays[i] = ((i + 1) / n) * span * 1000;
      const ones = yield* Effect.forEach(
        delays,
        (delayMs) =>
          Effect.gen(function* () {
            const due = performance.now() + delayMs;
            yield* Effect.sleep(Duration.millis(delayMs));
            const at = performance.now();
            late += at - due;
            if (at > last) last = at;
            return 1;
          }),
        { concurrency: 'unbounded' },
      );
      const fired = ones.reduce((a, b) => a + b, 0);
      return { fired, overheadMs: last - t0 - span * 1000, latenessMs: late / n };
    }),
  );
}

export const w3: Workload = {
  id: 'W3',
  title: 'timers',
  description:
    'n timers spread evenly over one second; wall time beyond the one-second floor and mean lateness.',
  kind: 'timers',
  size: { full: { n: 100_000, span: 1 }, quick: { n: 1_000, span: 0.05 } },
  runs: 5,
  budgetMs: 0,
  implementations: [
    {
      id: 'asyncio-ts',
      library: 'asyncio-ts',
      label: 'asyncio-ts `loop.callLater`',
      run: ({ n, span }) => toOutcome(n, asyncioTsCallLater(n, span)),
    },
    {
      id: 'asyncio-ts-sleep',
      library: 'asyncio-ts',
      label: 'asyncio-ts tasks `sleep(delay)` + `gather`',
      run: ({ n, span }) => toOutcome(n, asyncioTsSleepTasks(n, span)),
    },
    {
      id: 'asyncio-ts-virtual',
      library: 'asyncio-ts',
      label: 'asyncio-ts `loop.callLater` on `VirtualClock` (wall time, no floor)',
      baseline: 'asyncio-ts-virtual',
      run: ({ n, span }) => toOutcome(n, asyncioTsCallLater(n, span, new VirtualClock())),
    },
    {
      id: 'native',
      library: 'native',
      label: 'native `setTimeout`',
      run: async ({ n, span }) => toOutcome(n, await nativeSetTimeout(n, span)),
    },
    {
      id: 'effection',
      library: 'effection',
      label: 'Effection `all` + `sleep(delay)`',
      baseline: 'asyncio-ts-sleep',
      run: async ({ n, span }) => toOutcome(n, await effectionSleep(n, span)),
    },
    {
      id: 'effect',
      library: 'effect',
      label: 'Effect `forEach` unbounded + `Effect.sleep(delay)`',
      baseline: 'asyncio-ts-sleep',
      run: async ({ n, span }) => toOutcome(n, await effectSleep(n, span)),
    },
    {
      id: 'cpython',
      library: 'cpython',
      label: 'CPython `loop.call_later`',
      impl: 'call_later',
    },
    {
      id: 'cpython-sleep',
      library: 'cpython',
      label: 'CPython tasks `asyncio.sleep(delay)` + `gather`',
      baseline: 'asyncio-ts-sleep',
      impl: 'sleep_tasks',
    },
  ],
  notes: [
    'Delays are relative to the moment each timer is scheduled, so the time spent scheduling counts.',
    'Node rounds `setTimeout` delays to whole milliseconds; asyncio-ts and CPython keep fractions.',
  ],
};
