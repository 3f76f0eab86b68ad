/**
 * The packed packages (`pnpm pack`, as npm would install them) compile in a strict consumer:
 * `"lib": ["es2022"]` (no disposable lib of its own), `skipLibCheck: false`, ESM and CJS.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
// Every public package: the ones the program imports and the ones they depend on.
const packages = readdirSync(join(repo, 'packages')).filter((name) => {
  const manifest = join(repo, 'packages', name, 'package.json');
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).private !== true;
});
const scratch = mkdtempSync(join(tmpdir(), 'asyncio-ts-consumer-'));
const tsc = createRequire(join(repo, 'package.json')).resolve('typescript/bin/tsc');

const program = `import { awaitPromise, createTask, type Coroutine, Runner, run, runAsync } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { apply } from '@asyncio-ts/nest-patch';
import { sleepSync } from '@asyncio-ts/sync-baseline';
import { sleep, VirtualClock } from '@asyncio-ts/timers';

function* main(): Coroutine<number> {
  const task = createTask(sleep(1, 2));
  const [a, b] = yield* gather(sleep(1, 'x'), task);
  const text: string = a;
  return b + text.length;
}
const value: number = run(main, { clock: new VirtualClock() });
const runner = new Runner();
runner.close();
const later: Promise<string> = runAsync(function* () {
  return yield* awaitPromise(Promise.resolve('y'));
});
void [value, later, apply, sleepSync];
`;

function consumer(name: string, type: 'module' | 'commonjs'): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'node_modules/@asyncio-ts'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type }));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        lib: ['es2022'],
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        exactOptionalPropertyTypes: true,
        skipLibCheck: false,
        types: [],
        noEmit: true,
      },
      files: ['index.ts'],
    }),
  );
  writeFileSync(join(dir, 'index.ts'), program);
  for (const tarball of readdirSync(join(scratch, 'packs'))) {
    const target = join(
      dir,
      'node_modules/@asyncio-ts',
      tarball.replace(/^asyncio-ts-|-\d.*$/g, ''),
    );
    mkdirSync(target, { recursive: true });
    execFileSync('tar', [
      '-xzf',
      join(scratch, 'packs', tarball),
      '-C',
      target,
      '--strip-components=1',
    ]);
  }
  return dir;
}

beforeAll(() => {
  mkdirSync(join(scratch, 'packs'));
  for (const name of packages) {
    const dir = join(repo, 'packages', name);
    if (!existsSync(join(dir, 'dist')))
      throw new Error(`${dir}/dist is missing: run pnpm build first`);
    execFileSync('pnpm', ['pack', '--pack-destination', join(scratch, 'packs')], {
      cwd: dir,
      stdio: 'ignore',
      timeout: 30_000,
    });
  }
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a strict consumer of the packed packages', () => {
  it.each([
    ['esm', 'module'],
    ['cjs', 'commonjs'],
  ] as const)(
    'compiles (%s, lib es2022, skipLibCheck false)',
    (name, type) => {
      const dir = consumer(name, type);
      const result = spawnSync(process.execPath, [tsc, '-p', dir], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(`${result.stdout}${result.stderr}`).toBe('');
      expect(result.status).toBe(0);
    },
    70_000,
  );
});
