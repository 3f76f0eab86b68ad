import { cpSync } from 'node:fs';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  // Members tagged @internal stay out of the published types.
  dts: { compilerOptions: { stripInternal: true } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // `import.meta.url` in the CJS build too: the pool finds its worker scripts by it.
  shims: true,
  // The worker and supervisor scripts are plain JavaScript that threads start as they are.
  onSuccess: async () => {
    cpSync('src/workers', 'dist/workers', { recursive: true });
  },
});
