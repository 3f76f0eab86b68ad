import { defineConfig } from 'vitest/config';
import { alias } from './vitest.shared.ts';

// One run over every workspace project. Each project has its own vitest.config.ts
// (see vitest.shared.ts). `conformance`, `bench`, `examples` and `release` are globs so that they simply
// match nothing until those packages exist.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: ['packages/*', 'apps/*', '{conformance,bench,examples,release}'],
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest/report.json' },
  },
});
