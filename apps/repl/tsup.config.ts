import { defineConfig } from 'tsup';

// The app ships ESM only; the shebang comes from src/cli.ts (esbuild keeps it).
export default defineConfig({
  entry: ['src/cli.ts'],
  format: ['esm'],
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
});
