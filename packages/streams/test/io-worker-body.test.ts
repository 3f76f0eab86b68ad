import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ioWorkerMain } from '../src/io-worker-body.js';

describe('the I/O worker program', () => {
  it('uses no syntax that a CJS build turns into helper calls (the worker runs its text alone)', () => {
    const source = readFileSync(join(import.meta.dirname, '../src/io-worker-body.ts'), 'utf8');
    const code = source
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      .replace(/'[^'\n]*'/g, "''");
    expect(code).not.toMatch(/\?\.|\?\?/);
  });

  it('is one self-contained function', () => {
    const text = ioWorkerMain.toString();
    expect(text.startsWith('function ioWorkerMain(')).toBe(true);
    // Compiles on its own, with nothing from the module around it.
    expect(() => new Function(`return (${text})`)).not.toThrow();
  });
});
