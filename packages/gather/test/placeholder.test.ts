import { VERSION } from '@asyncio-ts/gather';
import { describe, expect, it } from 'vitest';

// Proves tests resolve '@asyncio-ts/gather' to src/ (see vitest.shared.ts). Delete with the placeholder.
describe('@asyncio-ts/gather placeholder', () => {
  it('exports its version from source', () => {
    expect(VERSION).toBe('0.0.0');
  });
});
