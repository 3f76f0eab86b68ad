import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ioWorkerMain } from '../src/io-worker-body.js';
import { sharedRing } from '../src/shared-ring.js';

// The worker runs these functions from their text alone.
describe.each([
  ['io-worker-body.ts', ioWorkerMain],
  ['shared-ring.ts', sharedRing],
])('the I/O worker program: %s', (file, main) => {
  it('uses no syntax that a CJS build turns into helper calls', () => {
    const source = readFileSync(join(import.meta.dirname, '../src', file), 'utf8');
    const code = source
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      .replace(/'[^'\n]*'/g, "''");
    expect(code).not.toMatch(/\?\.|\?\?/);
  });

  it('is one self-contained function', () => {
    const text = main.toString();
    expect(text.startsWith(`function ${main.name}(`)).toBe(true);
    // Compiles on its own, with nothing from the module around it.
    expect(() => new Function(`return (${text})`)).not.toThrow();
  });
});
