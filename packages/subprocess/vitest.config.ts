import { defineSharedProject } from '../../vitest.shared.ts';

export default defineSharedProject('subprocess');
