/**
 * Shared Vitest settings for every workspace project.
 *
 * Tests import sibling packages from SOURCE, never from dist: each
 * `@asyncio-ts/<name>` resolves to `packages/<name>/src/index.ts`, and
 * `@asyncio-ts/core-loop/internal` to `packages/core-loop/src/internal.ts`.
 * Each project's `vitest.config.ts` calls `defineSharedProject(name)`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Alias, defineProject, type UserWorkspaceConfig } from 'vitest/config';

const root = import.meta.dirname;
const packagesDir = join(root, 'packages');

function sourceAliases(): Alias[] {
  const names = existsSync(packagesDir)
    ? readdirSync(packagesDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];
  // Exact-match regexes, subpaths first, so `@asyncio-ts/core-loop/internal`
  // is never rewritten as `<core-loop index>/internal`.
  const subpaths: Alias[] = [
    {
      find: /^@asyncio-ts\/core-loop\/internal$/,
      replacement: join(packagesDir, 'core-loop/src/internal.ts'),
    },
    {
      find: /^@asyncio-ts\/streams\/internal$/,
      replacement: join(packagesDir, 'streams/src/internal.ts'),
    },
    {
      find: /^@asyncio-ts\/contextvars\/internal$/,
      replacement: join(packagesDir, 'contextvars/src/internal.ts'),
    },
    // The private test helpers' subpath modules (`@asyncio-ts/test-support/full`).
    {
      find: /^@asyncio-ts\/test-support\/(.+)$/,
      replacement: join(packagesDir, 'test-support/src/$1.ts'),
    },
  ];
  const entries: Alias[] = names.map((name) => ({
    find: new RegExp(`^@asyncio-ts/${name}$`),
    replacement: join(packagesDir, name, 'src/index.ts'),
  }));
  return [...subpaths, ...entries];
}

/** Aliases mapping every `@asyncio-ts/*` package to its TypeScript source. */
export const alias: Alias[] = sourceAliases();

/** A Vitest project config for one workspace package (`name` shows in reports). */
export function defineSharedProject(name: string): UserWorkspaceConfig {
  return defineProject({
    resolve: { alias },
    test: {
      name,
      include: ['test/**/*.test.ts'],
      environment: 'node',
    },
  });
}
