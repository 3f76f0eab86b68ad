/**
 * The asyncio docs' TCP echo and subprocess examples (examples/tcp-echo, examples/subprocess-shell
 * at the repository root): the port must print what CPython prints (live when python3 3.11+
 * is here, else the recorded main.out).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const examples = join(import.meta.dirname, '../../../examples');
const python = process.env.PYTHON ?? 'python3';
const version = spawnSync(python, ['-c', 'import sys; print(sys.version_info[:2] >= (3, 11))'], {
  encoding: 'utf8',
});
const havePython = version.status === 0 && version.stdout.trim() === 'True';

type Example = { runExample: (print: (line: string) => void) => void };

describe.each(['tcp-echo', 'subprocess-shell'])('examples/%s', (name) => {
  it('prints what the Python original prints', async () => {
    const recorded = readFileSync(join(examples, name, 'main.out'), 'utf8');
    if (havePython) {
      const live = spawnSync(python, [join(examples, name, 'main.py')], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(live.stderr).toBe('');
      expect(live.stdout).toBe(recorded);
    }
    const module = (await import(pathToFileURL(join(examples, name, 'main.ts')).href)) as Example;
    const lines: string[] = [];
    module.runExample((line) => lines.push(line));
    expect(lines.map((line) => `${line}\n`).join('')).toBe(recorded);
  });
});
