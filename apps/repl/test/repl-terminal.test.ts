import { mkdtemp, readFile, rm } from 'node:fs/promises';
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

describe('the REPL on a terminal (keys as a terminal sends them)', () => {
  it('completes names with Tab, cancels the running line on Ctrl-C, keeps history', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let seen = '';
    output.on('data', (chunk: Buffer) => {
      seen += stripVTControlCharacters(chunk.toString('utf8'));
    });
    const historyFile = join(folder, 'history');
    const finished = startRepl({ input, output, terminal: true, historyFile });
    const waitFor = async (pattern: RegExp, from: number): Promise<void> => {
      const deadline = Date.now() + 10_000;
      while (!pattern.test(seen.slice(from))) {
        if (Date.now() > deadline) throw new Error(`no ${pattern} in:\n${seen.slice(from)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await waitFor(/asyncio-ts> $/, 0);

    // Tab completes a global name of the running REPL.
    let from = seen.length;
    input.write('getRunningLo');
    input.write('\t');
    await waitFor(/getRunningLoop/, from);
    input.write('().isRunning()\r');
    await waitFor(/\ntrue\n/, from);
    // And a member, after a dot.
    from = seen.length;
    input.write('asyncio.runAsy');
    input.write('\t');
    await waitFor(/asyncio\.runAsync/, from);
    input.write(' === runAsync\r');
    await waitFor(/\ntrue\n/, from);

    // Ctrl-C while a line sleeps: the line is cancelled, the REPL stays.
    from = seen.length;
    const started = Date.now();
    input.write('yield* sleep(30)\r');
    await new Promise((resolve) => setTimeout(resolve, 200));
    input.write('\x03');
    await waitFor(/KeyboardInterrupt\n/, from);
    expect(Date.now() - started).toBeLessThan(10_000);
    from = seen.length;
    input.write('6 * 7\r');
    await waitFor(/\n42\n/, from);

    input.write('.exit\r');
    await finished;
    const history = (await readFile(historyFile, 'utf8')).split('\n');
    expect(history.slice(0, 4)).toEqual([
      '6 * 7',
      'yield* sleep(30)',
      'asyncio.runAsync === runAsync',
      'getRunningLoop().isRunning()',
    ]);
  }, 30_000);
});
