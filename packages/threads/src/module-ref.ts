import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  return typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}

/**
 * The `href` a worker imports for `module`: a `URL`, a URL string (`file:`, or any scheme
 * the worker's `import()` knows, such as `data:`), or an absolute path. A relative path or
 * a bare package name is a TypeError: it would resolve against the worker, not the caller.
 */
export function moduleHref(module: unknown, where: string): string {
  if (module instanceof URL) return module.href;
  if (typeof module === 'string') {
    if (isAbsolute(module)) return pathToFileURL(module).href;
    if (/^[a-z][a-z0-9+.-]+:/i.test(module)) return new URL(module).href;
  }
  throw new TypeError(
    `${where}: module must be a URL, a file: URL string or an absolute path (write new URL('./work.js', import.meta.url)), got ${describe(module)}`,
  );
}

/** Checks the export name: a non-empty string. */
export function checkExportName(exportName: unknown, where: string): string {
  if (typeof exportName !== 'string' || exportName === '') {
    throw new TypeError(
      `${where}: exportName must be the name of a function exported by the module, got ${describe(exportName)}`,
    );
  }
  return exportName;
}
