#!/usr/bin/env node
/**
 * Fails (exit 1) when runtime imports form a cycle, within a package or across packages.
 *
 * Reads every `.ts` file under `<root>/{packages,apps}/<name>/src`, follows the imports that
 * survive compilation (not `import type`, not imports whose names are all `type X`) and
 * reports each cycle it finds. Workspace packages are resolved by their package.json name
 * and `exports` subpaths (`@asyncio-ts/core-loop/internal` → `src/internal.ts`).
 *
 * Usage: node scripts/check-import-cycles.mjs [root]   (default: the repository root)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));

/** Every workspace package: name → { dir, subpaths: Map<subpath, source file> }. */
function workspacePackages() {
  const packages = new Map();
  for (const group of ['packages', 'apps']) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const entry of readdirSync(groupDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = join(groupDir, entry.name);
      const manifest = join(dir, 'package.json');
      if (!existsSync(manifest)) continue;
      const { name, exports } = JSON.parse(readFileSync(manifest, 'utf8'));
      const subpaths = new Map([['.', join(dir, 'src/index.ts')]]);
      for (const key of Object.keys(typeof exports === 'object' && exports ? exports : {})) {
        if (key === '.' || key.endsWith('.json')) continue;
        subpaths.set(key, join(dir, 'src', `${key.slice(2)}.ts`));
      }
      packages.set(name, { dir, subpaths });
    }
  }
  return packages;
}

function sourceFiles(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

// `import … from 'x'`, `export … from 'x'` and `import 'x'`, over several lines.
const IMPORT = /^\s*(import|export)\s+(?:(type)\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]/gm;
const BARE_IMPORT = /^\s*import\s*['"]([^'"]+)['"]/gm;

/** The specifiers a file imports at run time. */
export function runtimeImports(source) {
  // Comments may hold example code (`@example` blocks): never read imports from them.
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [];
  for (const match of text.matchAll(IMPORT)) {
    const [, , typeKeyword, clause, specifier] = match;
    if (typeKeyword !== undefined) continue;
    const braces = /^\{([\s\S]*)\}$/.exec(clause.trim());
    if (braces !== null) {
      const names = braces[1]
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '');
      if (names.length > 0 && names.every((name) => name.startsWith('type '))) continue;
    }
    found.push(specifier);
  }
  for (const match of text.matchAll(BARE_IMPORT)) found.push(match[1]);
  return found;
}

function resolveImport(from, specifier, packages) {
  if (specifier.startsWith('.')) {
    const base = resolve(dirname(from), specifier);
    for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    return null;
  }
  for (const [name, { subpaths }] of packages) {
    if (specifier === name) return subpaths.get('.');
    if (specifier.startsWith(`${name}/`))
      return subpaths.get(`./${specifier.slice(name.length + 1)}`) ?? null;
  }
  return null; // node: builtins and third-party packages cannot close a cycle here
}

/** The import graph: file → files it imports at run time. */
function importGraph() {
  const packages = workspacePackages();
  const graph = new Map();
  for (const { dir } of packages.values()) {
    for (const file of sourceFiles(join(dir, 'src'))) {
      const edges = new Set();
      for (const specifier of runtimeImports(readFileSync(file, 'utf8'))) {
        const target = resolveImport(file, specifier, packages);
        if (target != null && existsSync(target)) edges.add(target);
      }
      graph.set(file, edges);
    }
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself. */
function cycles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  // Iterative Tarjan: no recursion limit on long import chains.
  for (const start of graph.keys()) {
    if (indices.has(start)) continue;
    const work = [[start, [...(graph.get(start) ?? [])], 0]];
    indices.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, edges] = frame;
      if (frame[2] < edges.length) {
        const next = edges[frame[2]++];
        if (!indices.has(next)) {
          indices.set(next, index);
          low.set(next, index++);
          stack.push(next);
          onStack.add(next);
          work.push([next, [...(graph.get(next) ?? [])], 0]);
        } else if (onStack.has(next)) {
          low.set(node, Math.min(low.get(node), indices.get(next)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === indices.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
      }
    }
  }
  return found;
}

const found = cycles(importGraph());
if (found.length > 0) {
  console.error(
    `Runtime import cycles (${found.length}); break them, or import types with \`import type\`:`,
  );
  for (const component of found) {
    console.error(`  - ${component.map((file) => relative(root, file)).join(' <-> ')}`);
  }
  process.exit(1);
}
console.log('No runtime import cycles.');
