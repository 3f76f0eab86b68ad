/**
 * The repository checks that `pnpm lint` runs: each must fail on a planted fault, and pass on
 * the repository as it is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const cyclesScript = join(repo, 'scripts/check-import-cycles.mjs');
const typesScript = join(repo, 'scripts/check-published-types.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'asyncio-ts-checks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(root: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function node(script: string, args: string[], cwd = repo): { status: number | null; out: string } {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

const manifest = (name: string, exports: Record<string, string> = {}): string =>
  JSON.stringify({ name, exports: { '.': './dist/index.js', ...exports } });

describe('check-import-cycles', () => {
  it('passes on the repository', () => {
    const { status, out } = node(cyclesScript, []);
    expect(out).toContain('No runtime import cycles.');
    expect(status).toBe(0);
  });

  it('fails on a planted cycle within a package, naming the files', () => {
    const root = write(join(scratch, 'within'), {
      'packages/a/package.json': manifest('@x/a'),
      'packages/a/src/index.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'packages/a/src/b.ts': "import { a } from './index.js';\nexport const b = () => a;\n",
    });
    const { status, out } = node(cyclesScript, [root]);
    expect(status).toBe(1);
    expect(out).toContain('packages/a/src/b.ts <-> packages/a/src/index.ts');
  });

  it('fails on a cycle across packages, through a subpath export', () => {
    const root = write(join(scratch, 'across'), {
      'packages/a/package.json': manifest('@x/a', { './internal': './dist/internal.js' }),
      'packages/a/src/index.ts': "export { helper } from './internal.js';\n",
      'packages/a/src/internal.ts': "import { fromB } from '@x/b';\nexport const helper = fromB;\n",
      'packages/b/package.json': manifest('@x/b'),
      'packages/b/src/index.ts':
        "import {\n  helper,\n} from '@x/a/internal';\nexport const fromB = 1;\nvoid helper;\n",
    });
    const { status, out } = node(cyclesScript, [root]);
    expect(status).toBe(1);
    expect(out).toContain('packages/a/src/internal.ts <-> packages/b/src/index.ts');
  });

  it('ignores imports written in comments (doc examples)', () => {
    const root = write(join(scratch, 'comments'), {
      'packages/a/package.json': manifest('@x/a'),
      'packages/a/src/index.ts':
        "export function a(): number {\n  return 1;\n}\n/**\n * @example\n * import { b } from './b.js';\n */\nexport const c = 3;\n",
      'packages/a/src/b.ts': "import { a } from './index.js';\nexport const b = a;\n",
    });
    const { status, out } = node(cyclesScript, [root]);
    expect(out).toContain('No runtime import cycles.');
    expect(status).toBe(0);
  });

  it('ignores type-only imports, which vanish at run time', () => {
    const root = write(join(scratch, 'types'), {
      'packages/a/package.json': manifest('@x/a'),
      'packages/a/src/index.ts': "import type { B } from './b.js';\nexport type A = B | 1;\n",
      'packages/a/src/b.ts':
        "import { type A } from './index.js';\nexport type B = A | 2;\nexport const b = 2;\n",
    });
    const { status } = node(cyclesScript, [root]);
    expect(status).toBe(0);
  });
});

describe('check-published-types', () => {
  it('fails when a declaration file publishes a `_` member', () => {
    const dist = write(join(scratch, 'dts'), {
      'dist/index.d.ts':
        'declare class Loop {\n    _ready: number;\n    private _tick;\n    run(): void;\n}\nexport { Loop };\n',
    });
    const { status, out } = node(typesScript, [join(dist, 'dist')]);
    expect(status).toBe(1);
    expect(out).toContain('_ready: number;');
    expect(out).toContain('private _tick;');
  });

  it.each(['core-loop', 'timers', 'gather', 'nest-patch', 'sync-baseline'])(
    'passes on the built %s package',
    (name) => {
      const dist = join(repo, 'packages', name, 'dist');
      expect(existsSync(dist), `${dist}: build the packages first (pnpm build)`).toBe(true);
      const { status, out } = node(typesScript, [dist]);
      expect(out).toContain('No `_` members');
      expect(status).toBe(0);
    },
  );
});
