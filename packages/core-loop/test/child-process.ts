/**
 * Runs a script in a child Node process against core-loop bundled from the source: for what
 * only a whole process shows (signals, `beforeExit`, the exit status, process warnings).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSource } from '@asyncio-ts/test-support/bundle';

let bundled: { dir: string; bundle: string } | null = null;

/** core-loop's public entry, bundled once per test file (shared registry key included). */
export function coreBundle(): { dir: string; bundle: string } {
  bundled ??= bundleSource('index.ts');
  return bundled;
}

/**
 * Runs `source` (an ES module; `CORE` stands for the bundle's path) in a new Node process,
 * at most 10 s. Returns stdout followed by stderr, and the exit status.
 */
export function runScript(source: string): { stdout: string; status: number | null } {
  const { dir, bundle } = coreBundle();
  const script = join(dir, `script-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(script, source.replaceAll('CORE', JSON.stringify(bundle)));
  const child = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 10_000 });
  return { stdout: child.stdout + child.stderr, status: child.status };
}
