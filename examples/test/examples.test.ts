/**
 * Every example folder holds `main.py` (the asyncio docs' program), `main.ts` (its port,
 * exporting `runExample(print, clock)`) and `main.out` (what CPython printed). The port runs on
 * a VirtualClock; the original runs in CPython on virtual time (python/virtual_time.py), so
 * sleeps take no time and printed durations are exact in both.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Clock } from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const examples = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'main.py')))
  .map((d) => d.name);

const python = process.env.PYTHON ?? 'python3';
const version = spawnSync(python, ['-c', 'import sys; print(sys.version_info[:2] >= (3, 11))'], {
  encoding: 'utf8',
});
const havePython = version.status === 0 && version.stdout.trim() === 'True';
if (!havePython) {
  console.warn(
    `[examples] SKIPPED running the Python originals: no Python 3.11+ as ${python}; ` +
      'the ports are compared with the recorded main.out files only.',
  );
}

type Example = { runExample: (print: (line: string) => void, clock?: Clock) => void };

async function runPort(name: string): Promise<string> {
  const lines: string[] = [];
  const module = (await import(pathToFileURL(join(root, name, 'main.ts')).href)) as Example;
  module.runExample((line) => lines.push(line), new VirtualClock());
  return lines.map((line) => `${line}\n`).join('');
}

describe('examples from the asyncio docs', () => {
  it('has at least one example', () => {
    expect(examples).toContain('queue-workers');
  });

  for (const name of examples) {
    it(`${name}: the port prints what CPython prints`, async () => {
      const recorded = readFileSync(join(root, name, 'main.out'), 'utf8');
      const port = await runPort(name);
      if (havePython) {
        const live = spawnSync(
          python,
          [join(root, 'python/virtual_time.py'), join(root, name, 'main.py')],
          { encoding: 'utf8', timeout: 50_000 },
        );
        expect(live.stderr).toBe('');
        expect(live.stdout, 'CPython no longer prints the recorded main.out').toBe(recorded);
      }
      expect(port).toBe(recorded);
    });
  }
});
