export { Context, copyContext } from './context.js';
export { ContextVar, type ContextVarOptions } from './context-var.js';
export { LookupError, RuntimeError } from './errors.js';
export { Token } from './token.js';
