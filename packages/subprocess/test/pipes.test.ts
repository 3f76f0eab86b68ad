import { describe, expect, it } from 'vitest';
import { MODES, type Mode, runIn, text } from '../../streams/test/support.js';
import { createSubprocessExec, createSubprocessShell, PIPE } from '../src/index.js';

describe.each<Mode>(MODES)('subprocess pipes in %s', (mode) => {
  it('writing to a child that exited fails drain() with BrokenPipeError or ConnectionResetError', async () => {
    const name = await runIn(mode, function* () {
      const proc = yield* createSubprocessExec('true', [], { stdin: PIPE });
      yield* proc.wait();
      const stdin = proc.stdin as NonNullable<typeof proc.stdin>;
      try {
        for (let i = 0; i < 50; i++) {
          stdin.write(new Uint8Array(256 * 1024));
          yield* stdin.drain();
        }
      } catch (e) {
        return (e as Error).name;
      }
      return 'no error';
    });
    expect(['BrokenPipeError', 'ConnectionResetError']).toContain(name);
  });

  it('communicate() ignores a broken stdin pipe', async () => {
    const out = await runIn(mode, function* () {
      const proc = yield* createSubprocessShell('exit 7', { stdin: PIPE, stdout: PIPE });
      const [stdout] = yield* proc.communicate(new Uint8Array(4 * 1024 * 1024));
      return [stdout?.length, proc.returncode];
    });
    expect(out).toEqual([0, 7]);
  });

  it('a small limit pauses reading without losing output', async () => {
    const out = await runIn(mode, function* () {
      const proc = yield* createSubprocessShell('head -c 1000000 /dev/zero | tr "\\0" x', {
        stdout: PIPE,
        limit: 1024,
      });
      const stdout = proc.stdout as NonNullable<typeof proc.stdout>;
      let total = 0;
      for (;;) {
        const chunk = yield* stdout.read(512);
        if (chunk.length === 0) break;
        total += chunk.length;
      }
      return [total, yield* proc.wait()];
    });
    expect(out).toEqual([1000000, 0]);
  });

  it('stdout can be read after the process has exited', async () => {
    const out = await runIn(mode, function* () {
      const proc = yield* createSubprocessShell('echo done', { stdout: PIPE });
      const code = yield* proc.wait();
      const line = text(yield* (proc.stdout as NonNullable<typeof proc.stdout>).readline());
      return [code, line];
    });
    expect(out).toEqual([0, 'done\n']);
  });
});
