// ESM and CJS builds loaded together (a dual-package program) share one current context.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

type ContextVars = typeof import('../src/index.js');

const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
// The built files exist after `pnpm build` (`pnpm test` builds first).

if (existsSync(`${distDir}index.cjs`) && existsSync(`${distDir}index.js`)) {
  describe('the ESM and CJS copies', () => {
    it('share the current context, the variable hashes and the error classes', async () => {
      const cjs = createRequire(import.meta.url)(`${distDir}index.cjs`) as ContextVars;
      const esm = (await import(`${distDir}index.js`)) as ContextVars;
      expect(cjs.ContextVar).not.toBe(esm.ContextVar);
      const fromEsm = new esm.ContextVar<string>('fromEsm');
      const fromCjs = new cjs.ContextVar<string>('fromCjs');
      const seen = new esm.Context().run(() => {
        fromEsm.set('a');
        fromCjs.set('b');
        // A copy made by the other package holds both (two keys never share a hash).
        const copy = cjs.copyContext();
        return [fromEsm.get(), fromCjs.get(), copy.size, copy.get(fromEsm), copy.get(fromCjs)];
      });
      expect(seen).toEqual(['a', 'b', 2, 'a', 'b']);
      expect(fromEsm.get('none')).toBe('none');
      let error: unknown;
      try {
        new cjs.ContextVar('x').get();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(esm.LookupError);
    });
  });
}
