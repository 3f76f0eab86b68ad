// tsup's CJS source maps name the generated file itself by its absolute path on the build
// machine (the CJS interop wrapper), and its shims by a path into the workspace's
// node_modules. Published, such paths point outside the package and leak the builder's
// folders. This rewrites the maps in the given folder (default `dist`): an absolute source
// becomes relative to the map; a source outside the package becomes `bundled:<package>/<file>`
// (its text is in `sourcesContent`, so debuggers still show it). Every other source resolves
// inside the package. Usage, after tsup: `node ../../scripts/relative-sourcemaps.mjs dist`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

const folder = resolve(process.argv[2] ?? 'dist');
const packageRoot = dirname(folder);

/** `node_modules/.pnpm/tsup@8/node_modules/tsup/assets/cjs_shims.js` → `bundled:tsup/assets/cjs_shims.js`. */
function bundledName(path) {
  const parts = path.split(/[\\/]node_modules[\\/]/);
  return `bundled:${parts[parts.length - 1]}`;
}
let rewritten = 0;
for (const name of readdirSync(folder)) {
  if (!name.endsWith('.map')) continue;
  const path = join(folder, name);
  const map = JSON.parse(readFileSync(path, 'utf8'));
  let changed = false;
  map.sources = map.sources.map((source) => {
    if (/^[a-z]+:/.test(source)) return source;
    const target = isAbsolute(source) ? source : resolve(folder, source);
    if (relative(packageRoot, target).startsWith('..')) {
      changed = true;
      return bundledName(target);
    }
    if (!isAbsolute(source)) return source;
    changed = true;
    return relative(folder, source).split('\\').join('/');
  });
  if (changed) {
    writeFileSync(path, JSON.stringify(map));
    rewritten += 1;
  }
}
if (rewritten > 0)
  console.log(
    `relative-sourcemaps: ${rewritten} map(s) in ${relative(process.cwd(), folder) || '.'}`,
  );
