import { describe, expect, it } from 'vitest';
import { bytes, MODES, type Mode, runIn, text } from '../../streams/test/support.js';
import {
  createSubprocessExec,
  createSubprocessShell,
  DEVNULL,
  PIPE,
  STDOUT,
} from '../src/index.js';

describe.each<Mode>(MODES)('subprocess in %s', (mode) => {
  it('communicate() with pipes on all three streams', async () => {
    const out = await runIn(mode, function* () {
      const proc = yield* createSubprocessExec('sh', ['-c', 'cat; echo err >&2; exit 3'], {
        stdin: PIPE,
        stdout: PIPE,
        stderr: PIPE,
      });
      const [stdout, stderr] = yield* proc.communicate(bytes('hello'));
      return [text(stdout as Uint8Array), text(stderr as Uint8Array), proc.returncode];
    });
    expect(out).toEqual(['hello', 'err\n', 3]);
  });

  it('stderr=STDOUT merges, DEVNULL discards, cwd and env apply', async () => {
    const out = await runIn(mode, function* () {
      const merged = yield* createSubprocessShell('echo out; echo err >&2', {
        stdout: PIPE,
        stderr: STDOUT,
      });
      const [m, e] = yield* merged.communicate();
      const quiet = yield* createSubprocessShell('echo lost', { stdout: DEVNULL });
      const quietResult = yield* quiet.communicate();
      const where = yield* createSubprocessShell('pwd; echo $GREETING', {
        stdout: PIPE,
        cwd: '/tmp',
        env: { GREETING: 'hi', PATH: process.env.PATH },
      });
      const [w] = yield* where.communicate();
      return [text(m as Uint8Array), e, quietResult, text(w as Uint8Array)];
    });
    expect(out).toEqual(['out\nerr\n', null, [null, null], '/tmp\nhi\n']);
  });

  it('communicate does not deadlock on large outputs both ways', async () => {
    const size = 4 * 1024 * 1024;
    const out = await runIn(mode, function* () {
      const proc = yield* createSubprocessExec('sh', ['-c', 'cat; head -c 1048576 /dev/zero >&2'], {
        stdin: PIPE,
        stdout: PIPE,
        stderr: PIPE,
      });
      const [stdout, stderr] = yield* proc.communicate(new Uint8Array(size).fill(7));
      return [stdout?.length, stdout?.[size - 1], stderr?.length, proc.returncode];
    });
    expect(out).toEqual([size, 7, 1048576, 0]);
  });

  it('kill() gives returncode -9, terminate() -15', async () => {
    const out = await runIn(mode, function* () {
      const a = yield* createSubprocessExec('sleep', ['10']);
      a.kill();
      const b = yield* createSubprocessExec('sleep', ['10']);
      b.terminate();
      return [yield* a.wait(), yield* b.wait(), a.returncode];
    });
    expect(out).toEqual([-9, -15, -9]);
  });

  it('a missing program is a FileNotFoundError with code ENOENT', async () => {
    const error = await runIn(mode, function* () {
      try {
        yield* createSubprocessExec('/nonexistent/program');
      } catch (e) {
        return e as Error & { code?: string };
      }
      return null;
    });
    expect(error?.name).toBe('FileNotFoundError');
    expect(error?.code).toBe('ENOENT');
  });

  it('reads lines from stdout as they come', async () => {
    const out = await runIn(mode, function* () {
      const proc = yield* createSubprocessShell('echo one; echo two', { stdout: PIPE });
      const lines: string[] = [];
      for (;;) {
        const line = yield* (proc.stdout as NonNullable<typeof proc.stdout>).readline();
        if (line.length === 0) break;
        lines.push(text(line));
      }
      return [lines, yield* proc.wait()];
    });
    expect(out).toEqual([['one\n', 'two\n'], 0]);
  });
});
