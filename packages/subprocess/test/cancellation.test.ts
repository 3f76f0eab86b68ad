import { CancelledError, getRunningLoop, TimeoutError } from '@asyncio-ts/core-loop';
import { sleep, timeout } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';
import { bytes, MODES, type Mode, runIn, text } from '../../streams/test/support.js';
import { createSubprocessExec, PIPE, ProcessLookupError } from '../src/index.js';

describe.each<Mode>(MODES)('subprocess cancellation and errors in %s', (mode) => {
  it('a cancelled wait() or a wait() under timeout() leaves the process usable', async () => {
    const out = await runIn(mode, function* () {
      const loop = getRunningLoop();
      const proc = yield* createSubprocessExec('cat', [], { stdin: PIPE, stdout: PIPE });
      const waiting = loop.createTask(proc.wait());
      yield* sleep(0.01);
      waiting.cancel();
      let cancelled = false;
      try {
        yield* waiting;
      } catch (e) {
        cancelled = e instanceof CancelledError;
      }
      let timedOut = false;
      try {
        yield* timeout(0.02, () => proc.communicate());
      } catch (e) {
        timedOut = e instanceof TimeoutError;
      }
      const stdin = proc.stdin as NonNullable<typeof proc.stdin>;
      stdin.write(bytes('still alive\n'));
      yield* stdin.drain();
      const line = text(yield* (proc.stdout as NonNullable<typeof proc.stdout>).readline());
      stdin.close();
      const code = yield* proc.wait();
      return [cancelled, timedOut, proc.returncode === null ? 'running' : 'exited', line, code];
    });
    expect(out).toEqual([true, true, 'exited', 'still alive\n', 0]);
  });

  it('signalling a process that has exited is a ProcessLookupError', async () => {
    const out = await runIn(mode, function* () {
      const proc = yield* createSubprocessExec('true');
      yield* proc.wait();
      try {
        proc.kill();
      } catch (e) {
        return [e instanceof ProcessLookupError, (e as Error).name];
      }
      return null;
    });
    expect(out).toEqual([true, 'ProcessLookupError']);
  });

  it('bad arguments are TypeErrors at the call', async () => {
    await runIn(mode, function* () {
      expect(() => createSubprocessExec('')).toThrow(TypeError);
      expect(() => createSubprocessExec('ls', ['-l', 3 as unknown as string])).toThrow(
        new TypeError('args must be an array of strings'),
      );
      expect(() => createSubprocessExec('ls', [], { stdout: -7 })).toThrow(
        new TypeError('stdout must be PIPE, DEVNULL, a file descriptor or null, got -7'),
      );
      yield* sleep(0);
    });
  });
});
