import { VERSION } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';

// Proves tests resolve '@asyncio-ts/timers' to src/ (see vitest.shared.ts). Delete with the placeholder.
describe('@asyncio-ts/timers placeholder', () => {
  it('exports its version from source', () => {
    expect(VERSION).toBe('0.0.0');
  });
});
