/**
 * Property tests: random programs of callbacks, timers, tasks and cancellations keep the
 * scheduler's invariants (FIFO callSoon, timers by deadline then scheduling order, one
 * iteration runs what was ready when it began, cancelled handles never run, every task
 * ends, close() leaves nothing scheduled).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CancelledError,
  type Coroutine,
  type EventLoop,
  getRunningLoop,
  type Handle,
  run,
  type Task,
  TimerHandle,
} from '../src/index.js';
import { JumpClock, jumpLoop, sleep } from './support.js';

type Step = { kind: 'yield' } | { kind: 'sleep'; delay: number } | { kind: 'forever' };
type Action =
  | { kind: 'soon'; children: Action[] }
  | { kind: 'later'; delay: number; children: Action[] }
  | { kind: 'cancel'; target: number }
  | { kind: 'task'; steps: Step[]; catches: boolean }
  | { kind: 'cancelTask'; target: number };

// Few distinct delays, so that deadlines tie often; negative means "now".
const delayArb = fc.constantFrom(-1, 0, 0.5, 1, 1, 2, 3);
const stepArb = (forever: boolean): fc.Arbitrary<Step> =>
  forever
    ? fc.oneof(
        fc.constant<Step>({ kind: 'yield' }),
        delayArb.map<Step>((delay) => ({ kind: 'sleep', delay })),
        fc.constant<Step>({ kind: 'forever' }),
      )
    : fc.oneof(
        fc.constant<Step>({ kind: 'yield' }),
        delayArb.map<Step>((delay) => ({ kind: 'sleep', delay })),
      );

function programArb(forever: boolean): fc.Arbitrary<Action[]> {
  const leaf: fc.Arbitrary<Action> = fc.oneof(
    fc.nat(50).map<Action>((target) => ({ kind: 'cancel', target })),
    fc.nat(50).map<Action>((target) => ({ kind: 'cancelTask', target })),
    fc
      .record({ steps: fc.array(stepArb(forever), { maxLength: 5 }), catches: fc.boolean() })
      // A task that swallows cancellation and then waits forever could never end.
      .map<Action>(({ steps, catches }) => ({
        kind: 'task',
        steps,
        catches: catches && !steps.some((s) => s.kind === 'forever'),
      })),
  );
  const level = (inner: fc.Arbitrary<Action>): fc.Arbitrary<Action> =>
    fc.oneof(
      leaf,
      fc.array(inner, { maxLength: 3 }).map<Action>((children) => ({ kind: 'soon', children })),
      fc
        .record({ delay: delayArb, children: fc.array(inner, { maxLength: 3 }) })
        .map<Action>(({ delay, children }) => ({ kind: 'later', delay, children })),
    );
  return fc.array(level(level(level(leaf))), { minLength: 1, maxLength: 10 });
}

interface HandleRecord {
  handle: Handle;
  timer: boolean;
  createdSeq: number;
  createdIter: number;
  createdTime: number;
  cancelledBeforeRun: boolean;
  runs: { seq: number; iter: number; time: number }[];
}

interface TaskRecord {
  task: Task<string>;
  createdTime: number;
  sleepTotal: number;
  catches: boolean;
  waitsForever: boolean;
  cancelRequested: boolean;
  /** A cancel arrived before the first step: the body never runs, even if it catches. */
  cancelledBeforeStart: boolean;
  started: boolean;
  caught: number;
  finishedAt: number | null;
}

/** Runs `program` on `loop`, recording what happens; returns the records. */
function interpreter(loop: EventLoop) {
  let seq = 0;
  let iter = 0;
  const handles: HandleRecord[] = [];
  const tasks: TaskRecord[] = [];
  const runOnce = loop._runOnce.bind(loop);
  loop._runOnce = () => {
    iter++;
    runOnce();
  };

  function execute(action: Action): void {
    switch (action.kind) {
      case 'soon':
      case 'later': {
        const rec: HandleRecord = {
          handle: null as unknown as Handle,
          timer: action.kind === 'later',
          createdSeq: seq++,
          createdIter: iter,
          createdTime: loop.time(),
          cancelledBeforeRun: false,
          runs: [],
        };
        const callback = (): void => {
          rec.runs.push({ seq: seq++, iter, time: loop.time() });
          for (const child of action.children) execute(child);
        };
        rec.handle =
          action.kind === 'soon' ? loop.callSoon(callback) : loop.callLater(action.delay, callback);
        handles.push(rec);
        return;
      }
      case 'cancel': {
        const rec = handles[action.target % Math.max(handles.length, 1)];
        if (rec === undefined) return;
        if (rec.runs.length === 0) rec.cancelledBeforeRun = true;
        rec.handle.cancel();
        return;
      }
      case 'cancelTask': {
        const rec = tasks[action.target % Math.max(tasks.length, 1)];
        if (rec === undefined) return;
        if (!rec.task.done()) {
          rec.cancelRequested = true;
          if (!rec.started) rec.cancelledBeforeStart = true;
        }
        rec.task.cancel('random cancel');
        return;
      }
      case 'task': {
        const rec: TaskRecord = {
          task: null as unknown as Task<string>,
          createdTime: loop.time(),
          sleepTotal: action.steps.reduce(
            (s, st) => s + (st.kind === 'sleep' && st.delay > 0 ? st.delay : 0),
            0,
          ),
          catches: action.catches,
          waitsForever: action.steps.some((s) => s.kind === 'forever'),
          cancelRequested: false,
          cancelledBeforeStart: false,
          started: false,
          caught: 0,
          finishedAt: null,
        };
        rec.task = loop.createTask(
          (function* (): Coroutine<string> {
            rec.started = true;
            for (const step of action.steps) {
              try {
                if (step.kind === 'yield') yield;
                else if (step.kind === 'sleep') yield* sleep(step.delay);
                else yield* getRunningLoop().createFuture();
              } catch (error) {
                if (!(error instanceof CancelledError) || !rec.catches) throw error;
                rec.caught++;
              }
            }
            rec.finishedAt = loop.time();
            return 'ok';
          })(),
        );
        tasks.push(rec);
        return;
      }
    }
  }
  return { execute, handles, tasks };
}

function key(h: Handle): [number, number] {
  return [(h as TimerHandle).when(), (h as TimerHandle)._seq];
}
function before(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

function checkHandles(handles: HandleRecord[]): void {
  for (const h of handles) {
    if (h.cancelledBeforeRun) {
      expect(h.runs).toEqual([]);
      continue;
    }
    // Everything not cancelled ran exactly once.
    expect(h.runs).toHaveLength(1);
    const ran = h.runs[0] as HandleRecord['runs'][number];
    if (h.timer) {
      // Never early; with a jumping clock exactly at its deadline (or when it was made).
      const when = (h.handle as TimerHandle).when();
      expect(ran.time).toBe(Math.max(when, h.createdTime));
      expect(ran.iter).toBeGreaterThan(h.createdIter);
    } else {
      // A callSoon runs in the very next iteration, never in the one that scheduled it.
      expect(ran.iter).toBe(h.createdIter + 1);
    }
  }
  const ranSoon = handles.filter((h) => !h.timer && h.runs.length === 1);
  for (const a of ranSoon) {
    for (const b of ranSoon) {
      // FIFO among callSoon callbacks.
      if (a.createdSeq < b.createdSeq)
        expect(a.runs[0]?.seq).toBeLessThan(b.runs[0]?.seq as number);
    }
  }
  const ranTimers = handles.filter((h) => h.timer && h.runs.length === 1);
  for (const a of ranTimers) {
    for (const b of ranTimers) {
      const ra = a.runs[0] as HandleRecord['runs'][number];
      const rb = b.runs[0] as HandleRecord['runs'][number];
      // Both were in the heap before either was taken out: deadline, then scheduling order.
      if (
        a.createdIter < rb.iter &&
        b.createdIter < ra.iter &&
        before(key(a.handle), key(b.handle))
      ) {
        expect(ra.seq).toBeLessThan(rb.seq);
      }
    }
  }
}

describe('random programs of callbacks, timers, tasks and cancellations', () => {
  it('keep the ordering invariants; every task ends; close() leaves nothing scheduled', () => {
    fc.assert(
      fc.property(programArb(false), (program) => {
        const { loop } = jumpLoop();
        const { execute, handles, tasks } = interpreter(loop);
        for (const action of program) execute(action);
        const far = [loop.callLater(5_000, () => {}), loop.callAt(9_999, () => {})];
        loop.callLater(1_000, () => loop.stop());
        loop.runForever();
        expect(loop.time()).toBe(1_000);
        checkHandles(handles);
        for (const t of tasks) {
          expect(t.task.done()).toBe(true);
          if (t.task.cancelled()) {
            expect(t.cancelRequested).toBe(true);
            if (t.catches) expect(t.cancelledBeforeStart).toBe(true);
          } else {
            expect(t.task.result()).toBe('ok');
            // Sleeps add up exactly; yields take no time on a jumping clock.
            if (!t.cancelRequested) expect(t.finishedAt).toBe(t.createdTime + t.sleepTotal);
          }
          if (t.cancelRequested && (!t.catches || t.cancelledBeforeStart)) {
            expect(t.task.cancelled()).toBe(true);
          }
        }
        expect(loop._tasks.size).toBe(0);
        loop.close();
        expect(loop._ready.length).toBe(0);
        expect(loop._timers.size).toBe(0);
        for (const t of far) expect(t._scheduled).toBe(false);
        for (const h of handles)
          if (h.handle instanceof TimerHandle) expect(h.handle._scheduled).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('run() ends every task, even those waiting forever, and closes its loop clean', () => {
    fc.assert(
      fc.property(programArb(true), (program) => {
        let loop: EventLoop | null = null;
        let records: ReturnType<typeof interpreter> | null = null;
        const result = run(
          function* () {
            loop = getRunningLoop();
            records = interpreter(loop);
            for (const action of program) records.execute(action);
            yield* sleep(50);
            return 'main done';
          },
          { clock: new JumpClock() },
        );
        expect(result).toBe('main done');
        const l = loop as unknown as EventLoop;
        const r = records as unknown as ReturnType<typeof interpreter>;
        expect(l.isClosed()).toBe(true);
        for (const t of r.tasks) {
          expect(t.task.done()).toBe(true);
          if (t.waitsForever && !t.task.cancelled()) expect(t.task.exception()).toBe(null);
        }
        expect(l._tasks.size).toBe(0);
        expect(l._ready.length).toBe(0);
        expect(l._timers.size).toBe(0);
        checkHandles(r.handles);
      }),
      { numRuns: 150 },
    );
  });
});
