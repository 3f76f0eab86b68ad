/**
 * core-loop's source bundled into one ES module, for a child process or a worker thread:
 * neither can load the TypeScript sources that the tests run on.
 */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Bundles `entry` (a file of core-loop's src/, e.g. `index.ts`) into a new temporary
 * directory with esbuild (tsup's copy), as an ES module. Returns the directory and the
 * bundle's path.
 */
export function bundleSource(entry: string): { dir: string; bundle: string } {
  const requireHere = createRequire(import.meta.url);
  const esbuild = createRequire(requireHere.resolve('tsup'))('esbuild') as {
    buildSync(options: Record<string, unknown>): void;
  };
  const coreLoop = dirname(requireHere.resolve('@asyncio-ts/core-loop/package.json'));
  const dir = mkdtempSync(join(tmpdir(), 'asyncio-ts-test-'));
  const bundle = join(dir, entry.replace(/\.ts$/, '.mjs'));
  esbuild.buildSync({
    entryPoints: [join(coreLoop, 'src', entry)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: bundle,
  });
  return { dir, bundle };
}
