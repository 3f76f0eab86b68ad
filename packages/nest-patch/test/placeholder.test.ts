import { VERSION } from '@asyncio-ts/nest-patch';
import { describe, expect, it } from 'vitest';

// Proves tests resolve '@asyncio-ts/nest-patch' to src/ (see vitest.shared.ts). Delete with the placeholder.
describe('@asyncio-ts/nest-patch placeholder', () => {
  it('exports its version from source', () => {
    expect(VERSION).toBe('0.0.0');
  });
});
