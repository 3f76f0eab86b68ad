import { mergeConfig } from 'vitest/config';
import { defineSharedProject } from '../vitest.shared.ts';

// Each test also runs CPython on the original: allow for a busy shared machine.
export default mergeConfig(defineSharedProject('examples'), {
  test: { testTimeout: 60_000 },
});
