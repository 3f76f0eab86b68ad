import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../examples/fetcher.js';

const here = import.meta.dirname;

describe('the README example (a Semaphore-limited fetcher against a local server)', () => {
  it('is the file examples/fetcher.ts, word for word', () => {
    const readme = readFileSync(join(here, '../README.md'), 'utf8');
    const source = readFileSync(join(here, '../examples/fetcher.ts'), 'utf8');
    expect(readme).toContain(source.trim());
  });

  it('fetches ten pages with never more than three requests at once', async () => {
    await expect(main()).resolves.toBe('10 pages, page /9, at most 3 requests at once');
  });
});
