/**
 * Every workload at a small size, in-process: each implementation gives the right result.
 * Correctness only: speed is the bench's business (`pnpm bench`), never asserted here.
 */

import { run, runAsync } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';
import { checkTargets } from '../src/report.js';
import { plannedWorkloads, targets } from '../src/targets.js';
import { range } from '../src/workload.js';
import * as c1 from '../src/workloads/c1-contextvars.js';
import { workloads } from '../src/workloads/index.js';
import * as l1 from '../src/workloads/l1-lock.js';
import * as p1 from '../src/workloads/p1-subprocess.js';
import * as q1 from '../src/workloads/q1-queue.js';
import * as s1 from '../src/workloads/s1-streams-echo.js';
import * as s2 from '../src/workloads/s2-streams-transfer.js';
import * as t1 from '../src/workloads/t1-to-thread.js';
import * as t2 from '../src/workloads/t2-multi-core.js';
import * as w1 from '../src/workloads/w1-spawn-gather.js';
import * as w2 from '../src/workloads/w2-call-soon.js';
import * as w3 from '../src/workloads/w3-timers.js';
import * as w4 from '../src/workloads/w4-ping-pong.js';
import * as w5 from '../src/workloads/w5-await-chain.js';
import * as w6 from '../src/workloads/w6-cancellation.js';
import * as w7 from '../src/workloads/w7-memory.js';

describe('W1 spawn+gather', () => {
  it('asyncio-ts gathers every index in order', () => {
    expect(w1.asyncioTs(200)).toEqual(range(200));
  });

  it('the bare trampoline (the floor) gathers every index in order', () => {
    expect(w1.trampoline(200)).toEqual(range(200));
  });

  it('native, Effection and Effect gather every index in order', async () => {
    expect(await w1.native(200)).toEqual(range(200));
    expect(await w1.effectionAll(200)).toEqual(range(200));
    expect(await w1.effectForEach(200)).toEqual(range(200));
  });
});

describe('C1 spawn+gather with a ContextVar set', () => {
  it('asyncio-ts gathers every index in order, and main keeps its value', () => {
    expect(c1.asyncioTsWithContextVar(200)).toEqual(range(200));
  });
});

describe('W2 callSoon', () => {
  it('asyncio-ts runs every callback', () => {
    expect(w2.asyncioTs(5000)).toBe(5000);
  });

  it('queueMicrotask and setImmediate run every callback', async () => {
    expect(await w2.native(5000, queueMicrotask)).toBe(5000);
    expect(await w2.native(5000, setImmediate)).toBe(5000);
  });
});

describe('W3 timers', () => {
  it('asyncio-ts fires every callLater timer on the virtual clock, none late', () => {
    const r = w3.asyncioTsCallLater(1000, 1, new VirtualClock());
    expect(r.fired).toBe(1000);
    expect(Math.abs(r.latenessMs)).toBeLessThan(1e-6);
  });

  it('asyncio-ts fires every timer on the real clock, callLater and sleeping tasks', () => {
    const late = w3.asyncioTsCallLater(100, 0.02);
    expect(late.fired).toBe(100);
    expect(late.overheadMs).toBeGreaterThanOrEqual(0);
    expect(late.latenessMs).toBeGreaterThanOrEqual(0);
    expect(w3.asyncioTsSleepTasks(100, 0.02).fired).toBe(100);
  });

  it('setTimeout, Effection and Effect fire every timer', async () => {
    expect((await w3.nativeSetTimeout(100, 0.02)).fired).toBe(100);
    expect((await w3.effectionSleep(100, 0.02)).fired).toBe(100);
    expect((await w3.effectSleep(100, 0.02)).fired).toBe(100);
  });
});

describe('W4 ping-pong', () => {
  it('asyncio-ts players both end on the n-th hand-off', () => {
    expect(w4.asyncioTs(1001)).toEqual([1001, 1001]);
  });

  it('native, Effection and Effect players both end on the n-th hand-off', async () => {
    expect(await w4.native(1001)).toEqual([1001, 1001]);
    expect(await w4.effectionPingPong(1001)).toEqual([1001, 1001]);
    expect(await w4.effectPingPong(1001)).toEqual([1001, 1001]);
  });
});

describe('W5 deep await chain', () => {
  it('asyncio-ts adds one per level', () => {
    expect(w5.asyncioTs(300)).toBe(300);
  });

  it('native, Effection and Effect add one per level', async () => {
    expect(await w5.native(300)).toBe(300);
    expect(await w5.effectionChain(300)).toBe(300);
    expect(await w5.effectChain(300)).toBe(300);
  });
});

describe('W6 cancellation', () => {
  it('asyncio-ts cancels every sleeping task', () => {
    expect(w6.asyncioTs(500)).toBe(500);
  });

  it('AbortController, Effection halt and Effect interrupt stop every sleeper', async () => {
    expect(await w6.native(500)).toBe(500);
    expect(await w6.effectionHalt(500)).toBe(500);
    expect(await w6.effectInterrupt(500)).toBe(500);
  });
});

describe('W7 memory', () => {
  const measures = [
    w7.asyncioTsTask,
    w7.asyncioTsSleepingTask,
    w7.asyncioTsTimer,
    w7.nativeTask,
    w7.nativeSleepingTask,
    w7.nativeTimer,
    w7.effectionTask,
    w7.effectionSleepingTask,
    w7.effectTask,
    w7.effectSleepingTask,
    w7.asyncioTsLockWaiter,
    w7.asyncioTsQueuedItem,
    w7.nativeQueuedItem,
  ];

  it('each measure creates its objects, samples the heap twice and cleans up', async () => {
    for (const measure of measures) {
      let samples = 0;
      const bytes = await measure(500, () => {
        samples++;
        return samples * 500_000;
      });
      expect(samples, measure.name).toBe(2);
      expect(bytes, measure.name).toBe(1000);
    }
  });
});

describe('targets', () => {
  it('every target names a planned or present workload, and its rows exist there', () => {
    const present = new Map(workloads.map((w) => [w.id, w.implementations.map((i) => i.id)]));
    for (const t of targets) {
      const planned = plannedWorkloads.some((p) => p.id === t.workload);
      expect(present.has(t.workload) || planned, t.text).toBe(true);
    }
    // Each row a present workload's target reads is a row of that workload.
    const refs: string[] = [];
    for (const t of targets) {
      if (!present.has(t.workload)) continue;
      t.judge((ref) => {
        refs.push(ref);
        return 1;
      });
    }
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const [wid, rest = ''] = ref.split(':');
      expect(present.get(wid ?? ''), ref).toContain(rest.split('#')[0]);
    }
  });

  it('a workload not in the tree is reported as not measured, never as missed', () => {
    const missing = [{ id: 'L1', issue: 17, package: '@asyncio-ts/locks' }];
    const checks = checkTargets([], missing);
    const l1 = checks.filter((c) => c.target.startsWith('L1'));
    expect(l1.length).toBeGreaterThan(0);
    for (const c of l1) {
      expect(c.met).toBeNull();
      expect(c.figures).toContain('@asyncio-ts/locks has not landed');
    }
    // Targets of present workloads that were not run (--only) are left out.
    expect(checks.some((c) => c.target.startsWith('W6'))).toBe(false);
  });
});

describe('L1 lock', () => {
  it('every implementation counts 10 tasks × n rounds', async () => {
    expect(l1.asyncioTsLock(200)).toBe(2000);
    expect(l1.asyncioTsSemaphore(200)).toBe(2000);
    expect(await l1.nativeMutex(200)).toBe(2000);
    expect(await l1.effectSemaphore(200)).toBe(2000);
  });
});

describe('Q1 queue', () => {
  it('every implementation takes each item put exactly once', async () => {
    const sum = q1.expectedSum(4000);
    expect(q1.asyncioTsQueue(4000)).toBe(sum);
    expect(await q1.nativeQueue(4000)).toBe(sum);
    expect(await q1.effectionQueue(4000)).toBe(sum);
    expect(await q1.effectQueue(4000)).toBe(sum);
  });
});

describe('S1, S2, P1: streams and subprocess', () => {
  it('S1: every round trip comes back, on the host, in the I/O worker, in run(), and with node:net', async () => {
    expect(await runAsync(() => s1.roundTrips(50))).toBe(50);
    expect(await s1.inWorker(() => runAsync(() => s1.roundTrips(50)))).toBe(50);
    expect(run(() => s1.roundTrips(50))).toBe(50);
    expect(await s1.nodeNet(50)).toBe(50);
  });

  it('S2: the server counts every byte sent', async () => {
    expect(await runAsync(() => s2.transfer(256))).toBe(256 * 1024);
    expect(run(() => s2.transfer(256))).toBe(256 * 1024);
    expect(await s2.nodeNet(256)).toBe(256 * 1024);
  });

  it('P1: every process exits with 0', async () => {
    expect(await runAsync(() => p1.spawnMany(25))).toBe(25);
    expect(run(() => p1.spawnMany(25))).toBe(25);
    expect(await p1.nodeSpawn(25)).toBe(25);
  });
});

describe('T1 toThread', () => {
  it('asyncio-ts (both modes), Piscina and tinypool sum every call', async () => {
    const sum = (n: number) => (n * (n - 1)) / 2 + n;
    expect(t1.asyncioTs(150)).toBe(sum(150));
    expect(await t1.asyncioTsHost(150)).toBe(sum(150));
    expect(await t1.piscina(150)).toBe(sum(150));
    expect(await t1.tinypool(150)).toBe(sum(150));
  });
});

describe('T2 multi-core', () => {
  it('asyncio-ts measures both phases and the ticker, in both modes', async () => {
    const runs = [
      t2.asyncioTs(200_000),
      await t2.asyncioTsHost(200_000),
      await t2.nativeWorkers(200_000),
    ];
    for (const m of runs) {
      expect(m.sequentialMs).toBeGreaterThan(0);
      expect(m.gatheredMs).toBeGreaterThan(0);
      expect(m.maxGapMs).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('workload table', () => {
  it('has W1 to W7, L1, Q1, C1, T1, T2, S1, S2 and P1, each with an asyncio-ts row and a CPython row', () => {
    expect(workloads.map((w) => w.id)).toEqual([
      'W1',
      'W2',
      'W3',
      'W4',
      'W5',
      'W6',
      'W7',
      'L1',
      'Q1',
      'C1',
      'T1',
      'T2',
      'S1',
      'S2',
      'P1',
    ]);
    for (const w of workloads) {
      const ids = w.implementations.map((i) => i.id);
      expect(ids, w.id).toContain('asyncio-ts');
      expect(ids, w.id).toContain('cpython');
      for (const impl of w.implementations) {
        expect(ids, `${w.id} ${impl.id} baseline`).toContain(impl.baseline ?? 'asyncio-ts');
      }
    }
  });

  it('quick sizes are at most a hundredth of the full ones (T2: a tenth of the span)', () => {
    for (const w of workloads) {
      if (w.id === 'T2') expect(w.size.quick.span * 10, w.id).toBeLessThanOrEqual(w.size.full.span);
      else expect(w.size.quick.n * 100, w.id).toBeLessThanOrEqual(w.size.full.n);
    }
  });
});
