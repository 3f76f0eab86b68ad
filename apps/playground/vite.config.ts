import { defineConfig } from 'vite';
import { alias } from '../../vitest.shared.ts';
import { ISOLATION_HEADERS } from './scripts/isolation-headers.mjs';

// The workspace packages are bundled from their TypeScript sources (as the tests import
// them), so `vite build` needs no earlier build. The dev and preview servers send the
// COOP/COEP headers that make the page cross-origin isolated (see README).
export default defineConfig({
  resolve: { alias },
  server: { host: '127.0.0.1', headers: ISOLATION_HEADERS },
  preview: { host: '127.0.0.1', headers: ISOLATION_HEADERS },
  worker: { format: 'es' },
  build: { target: 'es2022', reportCompressedSize: false },
});
