// `pnpm try-release`: the release test's registry, kept running so that you can install the
// packages the way a user will once they are public. Publishes a copy of the workspace (your
// working tree is not touched), prints the install line, and stops the registry on Ctrl-C.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startRegistry } from './registry.mjs';
import { copyWorkspace } from './workspace-copy.mjs';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'asyncio-ts-try-release-'));
const registry = await startRegistry(join(work, 'registry'));
const cleanUp = () => {
  registry.stop();
  rmSync(work, { recursive: true, force: true });
};
process.once('SIGINT', () => {
  cleanUp();
  process.exit(130);
});
try {
  const env = { ...process.env, ...registry.env, CI: '1' };
  const copy = copyWorkspace(root, join(work, 'repo'));
  const run = (command, args) => execFileSync(command, args, { cwd: copy, env, stdio: 'inherit' });
  run('pnpm', [
    'install',
    '--offline',
    '--frozen-lockfile',
    '--config.registry=https://registry.npmjs.org/',
  ]);
  run('pnpm', ['release']);
} catch (error) {
  cleanUp();
  throw error;
}
console.log(`
Every public package is published to ${registry.url} (pid ${registry.pid}).
In another terminal, in an empty folder:

  npm install --registry ${registry.url} @asyncio-ts/timers

Ctrl-C stops the registry and deletes its storage.`);
setInterval(() => {}, 1 << 30);
