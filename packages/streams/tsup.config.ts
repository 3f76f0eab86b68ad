import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/internal.ts'],
  format: ['esm', 'cjs'],
  // Members tagged @internal stay out of the published types.
  dts: { compilerOptions: { stripInternal: true } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Shared chunks in CJS too, so both entries share one copy of module state (the loop's I/O
  // worker, the open resources): subprocess reaches streams through `/internal`.
  splitting: true,
});
