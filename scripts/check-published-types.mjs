#!/usr/bin/env node
/**
 * Fails (exit 1) when a published declaration file (`dist/**\/*.d.ts`, `*.d.cts`) declares a
 * member whose name starts with `_`: private state must be tagged `@internal` (tsup strips it
 * with `stripInternal`) or kept in a true `#private` field, never published.
 *
 * Usage, from a package directory after its build: node ../../scripts/check-published-types.mjs [dist]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');

// A member declaration: optional modifiers, then a name starting with `_`, then `:`, `(`, `?`, `;` or `<`.
const MEMBER =
  /^\s*(?:(?:readonly|private|protected|public|static|declare|abstract|get|set)\s+)*_[\w$]*\s*[?:(;<]/;

function declarationFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...declarationFiles(path));
    else if (/\.d\.c?ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

if (!existsSync(dist)) {
  console.error(`${dist} does not exist: build the package first`);
  process.exit(1);
}
const offending = [];
for (const file of declarationFiles(dist)) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (MEMBER.test(line))
        offending.push(`${relative(process.cwd(), file)}:${i + 1}: ${line.trim()}`);
    });
}
if (offending.length > 0) {
  console.error(`Published types declare ${offending.length} \`_\` member(s); tag them @internal:`);
  for (const line of offending) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`No \`_\` members in ${relative(process.cwd(), dist) || '.'}/**/*.d.ts.`);
