/**
 * Runs a script in a child Node process against core-loop bundled from the source: for what
 * only a whole process shows (signals, `beforeExit`, the exit status, process warnings).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let bundled: { dir: string; bundle: string } | null = null;

/**
 * Bundles `entry` (a file of core-loop's src/) into a new temporary directory with esbuild
 * (tsup's copy), as an ES module for a child process or a worker.
 */
export function bundleSource(entry: string): { dir: string; bundle: string } {
  const requireHere = createRequire(import.meta.url);
  const esbuild = createRequire(requireHere.resolve('tsup'))('esbuild') as {
    buildSync(options: Record<string, unknown>): void;
  };
  const dir = mkdtempSync(join(tmpdir(), 'asyncio-ts-test-'));
  const bundle = join(dir, entry.replace(/\.ts$/, '.mjs'));
  esbuild.buildSync({
    entryPoints: [new URL(`../src/${entry}`, import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: bundle,
  });
  return { dir, bundle };
}

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
