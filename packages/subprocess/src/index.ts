export { DEVNULL, PIPE, type StdioSpec, STDOUT } from './constants.js';
export { createSubprocessExec, createSubprocessShell } from './create.js';
export { ProcessLookupError } from './errors.js';
export { Process } from './process.js';
export type { SubprocessOptions } from './spawn-request.js';
