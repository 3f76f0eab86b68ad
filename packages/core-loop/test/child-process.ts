/**
 * Runs a script in a separate Node process against core-loop's source, bundled once with
 * esbuild (tsup's): for what only a whole process shows (a crash, an exit status, GC, the
 * host running out of work). In the script, `CORE` stands for the bundle's path.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let bundle: string | null = null;
let dir: string | null = null;

/** The path of core-loop's source bundled as one ESM file (made on first use). */
export function coreLoopBundle(): string {
  if (bundle !== null) return bundle;
  const requireHere = createRequire(import.meta.url);
  const esbuild = createRequire(requireHere.resolve('tsup'))('esbuild') as {
    buildSync(options: Record<string, unknown>): void;
  };
  dir = mkdtempSync(join(tmpdir(), 'asyncio-ts-child-'));
  bundle = join(dir, 'core-loop.mjs');
  esbuild.buildSync({
    entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: bundle,
  });
  return bundle;
}

/** What a child process printed (stdout then stderr) and its exit status. */
export interface ScriptOutcome {
  stdout: string;
  status: number | null;
}

/** Runs `source` (an ESM script; `CORE` is replaced by the bundle's path) in a new Node. */
export function runScript(
  source: string,
  options?: { nodeArgs?: string[]; killSignal?: NodeJS.Signals },
): ScriptOutcome {
  const core = coreLoopBundle();
  const script = join(dir as string, `script-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(script, source.replaceAll('CORE', JSON.stringify(core)));
  const child = spawnSync(process.execPath, [...(options?.nodeArgs ?? []), script], {
    encoding: 'utf8',
    timeout: 20_000,
    ...(options?.killSignal === undefined ? {} : { killSignal: options.killSignal }),
  });
  return { stdout: child.stdout + child.stderr, status: child.status };
}
