import { mergeConfig } from 'vitest/config';
import { defineSharedProject } from '../vitest.shared.ts';

// Python runs the whole suite in a few seconds, but the machine is shared: allow for it.
export default mergeConfig(defineSharedProject('conformance'), {
  test: { testTimeout: 30_000, hookTimeout: 300_000 },
});
