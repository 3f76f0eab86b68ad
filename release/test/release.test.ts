import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistry } from '../src/registry.mjs';
import { copyWorkspace } from '../src/workspace-copy.mjs';
import {
  cjsProgram,
  esmProgram,
  expectedOutput,
  strictTsConfig,
  strictTsProgram,
} from './consumer-programs.js';

const repoRoot = resolve(import.meta.dirname, '../..');

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  [field: string]: unknown;
}

/** The public packages of a workspace, as their manifests say after the release ran. */
function publicPackagesOf(root: string): Manifest[] {
  return readdirSync(join(root, 'packages'))
    .map((dir) => join(root, 'packages', dir, 'package.json'))
    .filter((path) => existsSync(path))
    .map((path) => JSON.parse(readFileSync(path, 'utf8')) as Manifest)
    .filter((manifest) => manifest.private !== true);
}

let publicPackages: Manifest[] = [];

let work = '';
let registry: Awaited<ReturnType<typeof startRegistry>>;
let env: NodeJS.ProcessEnv = {};
let releaseLog = '';

function sh(command: string, args: string[], cwd: string, timeoutSeconds = 300): string {
  try {
    return execFileSync(command, args, {
      cwd,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutSeconds * 1000,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}: ${failure.message}\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}`,
    );
  }
}

/** GET over a fresh connection each time (Verdaccio closes idle keep-alive sockets early). */
function get(url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolveGet, rejectGet) => {
    httpGet(url, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolveGet({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }),
      );
      response.on('error', rejectGet);
    }).on('error', rejectGet);
  });
}

async function packument(
  name: string,
): Promise<{ versions: Record<string, Manifest & { dist: { tarball: string } }> }> {
  const response = await get(`${registry.url}${name.replace('/', '%2f')}`);
  expect(response.status, `${name} is on the registry`).toBe(200);
  return JSON.parse(response.body.toString('utf8')) as {
    versions: Record<string, Manifest & { dist: { tarball: string } }>;
  };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'asyncio-ts-release-'));
  registry = await startRegistry(join(work, 'registry'));
  env = {
    ...process.env,
    ...registry.env,
    CI: '1',
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
  };
  const copy = copyWorkspace(repoRoot, join(work, 'repo'));
  // The copy installs from the store this checkout was installed from: nothing is downloaded.
  sh(
    'pnpm',
    ['install', '--offline', '--frozen-lockfile', '--config.registry=https://registry.npmjs.org/'],
    copy,
    600,
  );
  // The real release command: versions (pending changesets), builds and publishes.
  releaseLog = sh('pnpm', ['release'], copy, 600);
  publicPackages = publicPackagesOf(copy);
}, 900_000);

afterAll(() => {
  registry?.stop();
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

describe('pnpm release, against a local registry', () => {
  it('publishes every public package at its version', async () => {
    expect(publicPackages.length).toBeGreaterThanOrEqual(5);
    for (const manifest of publicPackages) {
      const published = await packument(manifest.name);
      expect(Object.keys(published.versions), `${manifest.name}: ${releaseLog}`).toContain(
        manifest.version,
      );
    }
  });

  it('replaces workspace ranges with real ranges on the sibling versions', async () => {
    const versions = new Map(publicPackages.map((m) => [m.name, m.version]));
    for (const manifest of publicPackages) {
      const published = (await packument(manifest.name)).versions[manifest.version];
      for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'] as const) {
        const deps = (published?.[field] ?? {}) as Record<string, string>;
        for (const [dep, range] of Object.entries(deps)) {
          expect(range, `${manifest.name} ${field}.${dep}`).not.toMatch(/^workspace:/);
          const sibling = versions.get(dep);
          if (sibling !== undefined) expect(range, `${manifest.name} → ${dep}`).toBe(`^${sibling}`);
        }
      }
    }
  });

  it('ships tarballs with complete metadata, a README, a LICENSE, no tests and maps that stay inside', async () => {
    const unpacked = join(work, 'tarballs');
    for (const manifest of publicPackages) {
      const published = (await packument(manifest.name)).versions[manifest.version];
      const tarball = (await get(published?.dist.tarball ?? '')).body;
      const dir = join(unpacked, manifest.name.replace('/', '__'));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.tgz'), tarball);
      sh('tar', ['-xzf', 'package.tgz'], dir);
      const root = join(dir, 'package');
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
      for (const field of [
        'exports',
        'types',
        'main',
        'module',
        'files',
        'engines',
        'repository',
        'keywords',
        'license',
        'description',
      ]) {
        expect(pkg[field], `${manifest.name} has "${field}"`).toBeDefined();
      }
      // false, or the exact files with an import-time effect (threads registers the loop's
      // default executor when imported), so that bundlers drop everything else.
      const sideEffects = pkg.sideEffects;
      if (sideEffects !== false) {
        expect(Array.isArray(sideEffects), `${manifest.name} sideEffects`).toBe(true);
        for (const file of sideEffects as string[]) {
          expect(existsSync(join(root, file)), `${manifest.name} sideEffects ${file}`).toBe(true);
        }
      }
      expect(existsSync(join(root, 'README.md')), `${manifest.name} README`).toBe(true);
      expect(existsSync(join(root, 'LICENSE')), `${manifest.name} LICENSE`).toBe(true);
      const files = sh('find', ['.', '-type', 'f'], root).split('\n').filter(Boolean);
      expect(
        files.filter((f) => /(^|\/)(test|tests|__tests__)\/|\.test\.[cm]?[jt]s$/.test(f)),
        manifest.name,
      ).toEqual([]);
      for (const map of files.filter((f) => f.endsWith('.map'))) {
        const sources = (JSON.parse(readFileSync(join(root, map), 'utf8')) as { sources: string[] })
          .sources;
        for (const source of sources) {
          const target = normalize(join(root, dirname(map), source));
          expect(
            relative(root, target).startsWith('..'),
            `${manifest.name} ${map} → ${source}`,
          ).toBe(false);
          expect(existsSync(target), `${manifest.name} ${map} → ${source} is in the tarball`).toBe(
            true,
          );
        }
      }
      sh(join(repoRoot, 'node_modules/.bin/publint'), ['--strict'], root, 120);
    }
  });
});

describe('a user who installs @asyncio-ts/timers alone', () => {
  let consumer = '';
  beforeAll(() => {
    consumer = join(work, 'consumer');
    mkdirSync(consumer, { recursive: true });
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true }, null, 2),
    );
    sh('npm', ['install', '--no-package-lock', '@asyncio-ts/timers'], consumer, 300);
  }, 300_000);

  it('gets core-loop (and its own dependency, contextvars) along', () => {
    const installed = readdirSync(join(consumer, 'node_modules/@asyncio-ts')).sort();
    expect(installed).toEqual(['contextvars', 'core-loop', 'timers']);
  });

  it('runs Example-1 on the virtual clock from ESM', () => {
    writeFileSync(join(consumer, 'example-1.mjs'), esmProgram);
    expect(sh(process.execPath, ['example-1.mjs'], consumer)).toBe(expectedOutput);
  });

  it('runs Example-1 on the virtual clock from CommonJS', () => {
    writeFileSync(join(consumer, 'example-1.cjs'), cjsProgram);
    expect(sh(process.execPath, ['example-1.cjs'], consumer)).toBe(expectedOutput);
  });

  it('compiles Example-1 in a strict TypeScript project (lib es2022, no skipLibCheck) and runs it', () => {
    const project = join(consumer, 'ts');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(strictTsConfig, null, 2));
    writeFileSync(join(project, 'example-1.ts'), strictTsProgram);
    sh(
      process.execPath,
      [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', '.'],
      project,
      120,
    );
    expect(sh(process.execPath, ['out/example-1.js'], project)).toBe(expectedOutput);
  });
});
