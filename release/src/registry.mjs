// A throw-away Verdaccio registry on 127.0.0.1: storage in a temporary folder, no uplinks,
// so nothing can come from (or leak to) a public registry. Used by the release test and by
// `pnpm try-release`.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** A free TCP port on 127.0.0.1 (bound once by the OS, then released). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function configText(storage) {
  return [
    `storage: ${JSON.stringify(storage)}`,
    'uplinks: {}',
    'packages:',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    '    unpublish: $authenticated',
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(storage, 'htpasswd'))}`,
    '    max_users: 10',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
}

async function waitUntilUp(url, child, deadline) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited early (code ${child.exitCode})`);
    try {
      const response = await fetch(`${url}-/ping`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`verdaccio did not answer on ${url} within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Creates a user on the registry and returns its auth token. */
async function addUser(url, name, password) {
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  const body = await response.json();
  if (!response.ok || typeof body.token !== 'string') {
    throw new Error(`could not create a registry user: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.token;
}

/**
 * Starts Verdaccio with its storage under `folder`, creates a publisher, and writes
 * `folder/npmrc` pointing npm and pnpm at it. Returns `{ url, pid, npmrc, env, stop }`:
 * `env` holds the variables that send every npm/pnpm command to this registry only.
 */
export async function startRegistry(folder) {
  const storage = join(folder, 'storage');
  mkdirSync(storage, { recursive: true });
  const config = join(folder, 'verdaccio.yaml');
  writeFileSync(config, configText(storage));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const bin = join(dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio');
  const child = spawn(
    process.execPath,
    [bin, '--config', config, '--listen', `127.0.0.1:${port}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    },
  );
  let log = '';
  child.stdout.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr.on('data', (chunk) => {
    log += chunk;
  });
  const stop = () => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
  };
  try {
    await waitUntilUp(url, child, Date.now() + 30_000);
    const token = await addUser(url, 'release-check', 'release-check-password');
    const npmrc = join(folder, 'npmrc');
    writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
    const env = {
      NPM_CONFIG_USERCONFIG: npmrc,
      npm_config_registry: url,
      NPM_CONFIG_REGISTRY: url,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    return { url, pid: child.pid, npmrc, env, stop, log: () => log };
  } catch (error) {
    stop();
    throw new Error(`${error.message}\n--- verdaccio output ---\n${log}`);
  }
}
