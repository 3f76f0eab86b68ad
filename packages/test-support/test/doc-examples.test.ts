/**
 * Every `@example` in the packages' doc comments type-checks against the sources: what an
 * editor shows on hover must be code that compiles.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../../..');
const packagesDir = join(repo, 'packages');
const tsc = createRequire(join(repo, 'package.json')).resolve('typescript/bin/tsc');

interface Example {
  where: string;
  code: string;
}

/** The ```ts blocks after `@example` tags in `packages/*\/src/*.ts`. */
function examples(): Example[] {
  const found: Example[] = [];
  for (const name of readdirSync(packagesDir)) {
    const src = join(packagesDir, name, 'src');
    let files: string[];
    try {
      files = readdirSync(src).filter((file) => file.endsWith('.ts'));
    } catch {
      continue;
    }
    for (const file of files) {
      const text = readFileSync(join(src, file), 'utf8');
      for (const match of text.matchAll(/@example\s*\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)) {
        const code = (match[1] as string)
          .split('\n')
          .map((line) => line.replace(/^\s*\* ?/, ''))
          .join('\n');
        found.push({ where: `${name}/src/${file}`, code });
      }
    }
  }
  return found;
}

const scratch = mkdtempSync(join(here, '../.doc-examples-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('doc comment examples', () => {
  const all = examples();

  it('cover the entry points a user types first', () => {
    const text = all.map((example) => example.code).join('\n');
    for (const name of [
      'run(',
      'runAsync(',
      'sleep(',
      'gather(',
      'timeout(',
      'waitFor(',
      'taskGroup(',
      'shield(',
      'wait(',
      'asCompleted(',
      'apply(',
      'sleepSync(',
      'new Runner(',
      'ensureFuture(',
      'createTask(',
    ]) {
      expect(text, name).toContain(name);
    }
  });

  it('type-check against the sources', () => {
    const paths: Record<string, string[]> = {
      '@asyncio-ts/core-loop/internal': [join(packagesDir, 'core-loop/src/internal.ts')],
    };
    for (const name of readdirSync(packagesDir)) {
      paths[`@asyncio-ts/${name}`] = [join(packagesDir, name, 'src/index.ts')];
    }
    mkdirSync(join(scratch, 'examples'));
    all.forEach((example, i) => {
      const file = `${String(i).padStart(2, '0')}-${example.where.replace(/\W+/g, '-')}.ts`;
      writeFileSync(join(scratch, 'examples', file), `${example.code}\nexport {};\n`);
    });
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        extends: relative(scratch, join(repo, 'tsconfig.base.json')),
        compilerOptions: {
          paths,
          noUnusedLocals: false,
          lib: ['ES2022', 'ESNext.Disposable', 'DOM'],
        },
        include: ['examples'],
      }),
    );
    const result = spawnSync(process.execPath, [tsc, '-p', scratch], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  }, 70_000);
});
