export { DEVNULL, PIPE, STDOUT, type StdioSpec } from './constants.js';
export { createSubprocessExec, createSubprocessShell } from './create.js';
export { ProcessLookupError } from './errors.js';
export { Process } from './process.js';
export type { SubprocessOptions } from './spawn-request.js';
