import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startRepl } from '../src/repl.js';

const folder = await mkdtemp(join(tmpdir(), 'asyncio-ts-repl-history-'));

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A REPL on a pretend terminal: what it printed (colours stripped), and waiting for it. */
function terminalSession(historyFile: string) {
  const input = new PassThrough();
  const output = new PassThrough();
  let seen = '';
  output.on('data', (chunk: Buffer) => {
    seen += stripVTControlCharacters(chunk.toString('utf8'));
  });
  const finished = startRepl({ input, output, terminal: true, historyFile });
  return {
    input,
    finished,
    /** Where the output is now: `waitFor` looks from there. */
    mark: (): number => seen.length,
    async waitFor(pattern: RegExp, from: number): Promise<void> {
      const deadline = Date.now() + 10_000;
      while (!pattern.test(seen.slice(from))) {
        if (Date.now() > deadline) throw new Error(`no ${pattern} in:\n${seen.slice(from)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

describe('the REPL on a terminal (keys as a terminal sends them)', () => {
  const historyFile = join(folder, 'history');

  it('completes names with Tab, cancels the running line on Ctrl-C, keeps history', async () => {
    const { input, finished, mark, waitFor } = terminalSession(historyFile);
    await waitFor(/asyncio-ts> $/, 0);

    // Tab completes a global name of the running REPL.
    let from = mark();
    input.write('getRunningLo');
    input.write('\t');
    await waitFor(/getRunningLoop/, from);
    input.write('().isRunning()\r');
    await waitFor(/\ntrue\n/, from);
    // And a member, after a dot.
    from = mark();
    input.write('asyncio.runAsy');
    input.write('\t');
    await waitFor(/asyncio\.runAsync/, from);
    input.write(' === runAsync\r');
    await waitFor(/\ntrue\n/, from);

    // Ctrl-C while a line sleeps: the line is cancelled, the REPL stays.
    from = mark();
    const started = Date.now();
    input.write('yield* sleep(30)\r');
    await new Promise((resolve) => setTimeout(resolve, 200));
    input.write('\x03');
    await waitFor(/KeyboardInterrupt\n/, from);
    expect(Date.now() - started).toBeLessThan(10_000);
    from = mark();
    input.write('6 * 7\r');
    await waitFor(/\n42\n/, from);

    input.write('.exit\r');
    await finished;
    // Written as each line is entered, so complete once the REPL has ended.
    const history = (await readFile(historyFile, 'utf8')).split('\n');
    expect(history).toEqual([
      '.exit',
      '6 * 7',
      'yield* sleep(30)',
      'asyncio.runAsync === runAsync',
      'getRunningLoop().isRunning()',
    ]);
  }, 30_000);

  it("brings the last session's lines back with the up arrow", async () => {
    const lastSession = join(folder, 'last-session');
    await writeFile(lastSession, 'xs.length\n6 * 7\nconst xs = [1, 2]'); // newest first
    const { input, finished, mark, waitFor } = terminalSession(lastSession);
    await waitFor(/asyncio-ts> $/, 0);
    const from = mark();
    input.write('\x1b[A\x1b[A'); // up, up: past `xs.length` to `6 * 7`
    await waitFor(/6 \* 7/, from);
    input.write('\r');
    await waitFor(/\n42\n/, from);
    input.write('.exit\r');
    await finished;
    expect((await readFile(lastSession, 'utf8')).split('\n')).toEqual([
      '.exit',
      '6 * 7',
      'xs.length',
      '6 * 7',
      'const xs = [1, 2]',
    ]);
  }, 30_000);
});
