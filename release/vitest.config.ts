import { mergeConfig } from 'vitest/config';
import { defineSharedProject } from '../vitest.shared.ts';

// Installing a copy of the workspace, building and publishing every package takes a minute
// or two on a shared machine.
export default mergeConfig(defineSharedProject('release'), {
  test: { testTimeout: 120_000, hookTimeout: 900_000 },
});
