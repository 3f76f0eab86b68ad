import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventLoop, getRunningLoop, run } from '../src/index.js';
import { JumpClock, jumpLoop, sleep } from './support.js';

function captureWarnings(): string[] {
  const warned: string[] = [];
  vi.spyOn(console, 'warn').mockImplementation((text: unknown) => {
    warned.push(String(text));
  });
  return warned;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('debug mode', () => {
  it("reports a callback that blocks the loop: 'Executing <Handle …> took 2.003 seconds'", () => {
    const warned = captureWarnings();
    const { loop, clock } = jumpLoop({ debug: true });
    loop.callSoon(function blocking(): void {
      clock.advance(2.003); // what time.sleep(2.003) does to the loop
    });
    loop.callSoon(function quick(): void {
      clock.advance(0.05);
    });
    loop.callSoon(() => loop.stop());
    loop.runForever();
    loop.close();
    expect(warned).toEqual(['Executing <Handle blocking()> took 2.003 seconds']);
  });

  it('reports a task step that blocks, with the task as it stands after the step', () => {
    const warned = captureWarnings();
    const clock = new JumpClock();
    run(
      function* () {
        const loop = getRunningLoop();
        yield* sleep(1);
        clock.advance(2);
        yield* sleep(1);
        return loop;
      },
      { clock, debug: true },
    );
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(
      /^Executing <Task pending name='Task-\d+' wait_for=<Future pending cb=\[Task\.task_wakeup\(\)\]> cb=\[stopLoopOf\(\)\]> took 2\.000 seconds$/,
    );
  });

  it('reports nothing when debug mode is off', () => {
    const warned = captureWarnings();
    const { loop, clock } = jumpLoop({ debug: false });
    loop.callSoon(() => clock.advance(5));
    loop.callSoon(() => loop.stop());
    loop.runForever();
    loop.close();
    expect(warned).toEqual([]);
  });

  it('uses slowCallbackDuration as the threshold (inclusive), and setDebug toggles it', () => {
    const warned = captureWarnings();
    const { loop, clock } = jumpLoop();
    expect(loop.getDebug()).toBe(false);
    expect(loop.slowCallbackDuration).toBe(0.1);
    loop.setDebug(true);
    loop.slowCallbackDuration = 0.5;
    loop.callSoon(function under(): void {
      clock.advance(0.25);
    });
    loop.callSoon(function exactly(): void {
      clock.advance(0.5);
    });
    loop.callSoon(() => loop.stop());
    loop.runForever();
    loop.close();
    expect(warned).toEqual(['Executing <Handle exactly()> took 0.500 seconds']);
  });

  it('is on by default when ASYNCIO_TS_DEBUG=1', () => {
    vi.stubEnv('ASYNCIO_TS_DEBUG', '1');
    expect(new EventLoop().getDebug()).toBe(true);
    vi.stubEnv('ASYNCIO_TS_DEBUG', '0');
    expect(new EventLoop().getDebug()).toBe(false);
    vi.stubEnv('ASYNCIO_TS_DEBUG', '1');
    expect(new EventLoop({ debug: false }).getDebug()).toBe(false);
  });

  it('keeps the same order of events as without debug mode', () => {
    const traces: string[][] = [];
    for (const debug of [false, true]) {
      const out: string[] = [];
      const { loop } = jumpLoop({ debug });
      loop.callLater(1, () => out.push('t1'));
      loop.callSoon(() => {
        out.push('a');
        loop.callSoon(() => out.push('c'));
      });
      loop.callSoon(() => out.push('b'));
      loop.callLater(2, () => loop.stop());
      loop.runForever();
      loop.close();
      traces.push(out);
    }
    expect(traces[1]).toEqual(traces[0]);
    expect(traces[0]).toEqual(['a', 'b', 'c', 't1']);
  });
});
