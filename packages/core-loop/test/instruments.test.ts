import { describe, expect, it } from 'vitest';
import type { Coroutine, Instrument, Task } from '../src/index.js';
import { jumpLoop, sleep } from './support.js';

function recorder(out: string[]): Instrument {
  return {
    taskSpawned: (t: Task) => out.push(`spawned ${t.getName()}`),
    beforeTaskStep: (t: Task) => out.push(`before ${t.getName()}`),
    afterTaskStep: (t: Task) => out.push(`after ${t.getName()}`),
    taskExited: (t: Task) =>
      out.push(`exited ${t.getName()} ${t.cancelled() ? 'cancelled' : 'done'}`),
    beforeIdle: (timeout: number) => out.push(`idle ${timeout}`),
    afterIdle: () => out.push('awake'),
  };
}

describe('instruments', () => {
  it('see every task spawn, step, exit, and every idle wait', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    loop.addInstrument(recorder(out));
    const main = loop.createTask(
      (function* (): Coroutine<void> {
        const child = loop.createTask(sleep(1.5), { name: 'child' });
        yield* child;
        out.push(`main sees child done at ${loop.time()}`);
      })(),
      { name: 'main' },
    );
    loop.runUntilComplete(main);
    loop.close();
    expect(out).toEqual([
      'spawned main',
      'before main',
      'spawned child',
      'after main',
      'before child',
      'after child',
      'idle 1.5',
      'awake',
      'before child',
      'after child',
      'exited child done',
      'before main',
      'main sees child done at 1.5',
      'after main',
      'exited main done',
    ]);
  });

  it('see a cancelled task exit', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    const t = loop.createTask(sleep(5), { name: 'victim' });
    loop.addInstrument(recorder(out));
    loop.callLater(1, () => t.cancel());
    try {
      loop.runUntilComplete(t);
    } catch {
      out.push('cancelled error raised');
    }
    loop.close();
    expect(out).toEqual([
      'before victim',
      'after victim',
      'idle 1',
      'awake',
      'before victim',
      'after victim',
      'exited victim cancelled',
      'cancelled error raised',
    ]);
  });

  it('may implement only some hooks; removeInstrument detaches and leaves zero cost', () => {
    const { loop } = jumpLoop();
    expect(loop._instruments).toBe(null);
    const steps: string[] = [];
    const partial: Instrument = { beforeTaskStep: (t) => steps.push(t.getName()) };
    loop.addInstrument(partial);
    loop.addInstrument(partial);
    loop.runUntilComplete(loop.createTask(sleep(0), { name: 'x' }));
    expect(steps).toEqual(['x', 'x']);
    expect(loop.removeInstrument(partial)).toBe(true);
    expect(loop.removeInstrument(partial)).toBe(false);
    expect(loop._instruments).toBe(null);
    loop.runUntilComplete(loop.createTask(sleep(0), { name: 'y' }));
    expect(steps).toEqual(['x', 'x']);
    loop.close();
  });
});

describe('an instrument that throws', () => {
  it('is detached and reported; the loop and the task go on unharmed', () => {
    const { loop } = jumpLoop();
    const reported: string[] = [];
    loop.setExceptionHandler((_l, ctx) =>
      reported.push(`${ctx.message}: ${String(ctx.exception)}`),
    );
    const steps: string[] = [];
    const broken: Instrument = {
      beforeTaskStep: () => {
        throw new Error('instrument bug');
      },
    };
    const healthy: Instrument = { afterTaskStep: (t) => steps.push(t.getName()) };
    loop.addInstrument(broken);
    loop.addInstrument(healthy);
    const got = loop.runUntilComplete(
      loop.createTask(
        (function* (): Coroutine<string> {
          yield* sleep(1);
          return 'finished';
        })(),
        { name: 't' },
      ),
    );
    expect(got).toBe('finished');
    expect(reported).toEqual([
      'Exception in instrument hook beforeTaskStep() (the instrument was removed): Error: instrument bug',
    ]);
    expect(loop._instruments).toEqual([healthy]);
    expect(steps).toEqual(['t', 't']);
    loop.close();
  });
});
