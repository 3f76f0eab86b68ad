import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const PACKAGES = fileURLToPath(new URL('../../../packages', import.meta.url));

/**
 * Bundles src/cli.ts, with the workspace packages from their sources (as the tests see
 * them), into a temporary folder; resolves to the script's path.
 */
export async function buildCli(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'asyncio-ts-repl-'));
  await build({
    entry: { cli: fileURLToPath(new URL('../src/cli.ts', import.meta.url)) },
    outDir,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    silent: true,
    config: false,
    noExternal: [/^@asyncio-ts\//],
    esbuildPlugins: [
      {
        name: 'workspace-sources',
        setup(plugin) {
          // @asyncio-ts/NAME → packages/NAME/src/index.ts; core-loop/internal → internal.ts
          plugin.onResolve({ filter: /^@asyncio-ts\// }, (args) => {
            const [, name, subpath] = /^@asyncio-ts\/([\w-]+)(\/internal)?$/.exec(args.path) ?? [];
            if (name === undefined) return undefined;
            const file = subpath === undefined ? 'index.ts' : 'internal.ts';
            return { path: join(PACKAGES, name, 'src', file) };
          });
        },
      },
    ],
  });
  return join(outDir, 'cli.js');
}
