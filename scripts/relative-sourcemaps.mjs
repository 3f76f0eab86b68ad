// tsup's CJS source maps name the generated file itself by its absolute path on the build
// machine (the CJS interop wrapper). Published, that path points outside the package and
// leaks the builder's folders. This rewrites every absolute `sources` entry of the maps in
// the given folder (default `dist`) relative to the map, so each map resolves inside the
// package. Usage, after tsup: `node ../../scripts/relative-sourcemaps.mjs dist`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

const folder = resolve(process.argv[2] ?? 'dist');
let rewritten = 0;
for (const name of readdirSync(folder)) {
  if (!name.endsWith('.map')) continue;
  const path = join(folder, name);
  const map = JSON.parse(readFileSync(path, 'utf8'));
  let changed = false;
  map.sources = map.sources.map((source) => {
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
