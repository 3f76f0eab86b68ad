import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/internal.ts'],
  format: ['esm', 'cjs'],
  dts: {
    // Members tagged @internal stay out of the published types.
    compilerOptions: { stripInternal: true },
    // Runner's [Symbol.dispose]/[Symbol.asyncDispose] need the disposable lib: declaring it
    // here lets consumers on "lib": ["es2022"] with skipLibCheck: false compile.
    banner: '/// <reference lib="esnext.disposable" />',
  },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Shared chunks in CJS too, so both entries share one copy of module state.
  splitting: true,
});
