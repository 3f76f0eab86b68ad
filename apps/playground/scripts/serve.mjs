#!/usr/bin/env node
/**
 * Serves the built playground (apps/playground/dist) on 127.0.0.1 with the COOP/COEP
 * headers. `--port N` (default 4173; 0 picks a free one), `--no-isolation` leaves the
 * headers out (to see what the page does without them).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ISOLATION_HEADERS } from './isolation-headers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** The default folder served: the build's output. */
export const DIST = fileURLToPath(new URL('../dist', import.meta.url));

/**
 * Starts the server; resolves to it and its URL once it listens.
 * @param {{ root?: string, port?: number, isolation?: boolean }} options
 */
export function serve({ root = DIST, port = 4173, isolation = true } = {}) {
  const base = resolve(root);
  if (!existsSync(join(base, 'index.html'))) {
    throw new Error(
      `${base}/index.html is missing: build first (pnpm --filter @asyncio-ts/playground build)`,
    );
  }
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ...(isolation ? ISOLATION_HEADERS : {}),
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
      resolveServer({ server, url });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? Number(args[portAt + 1]) : 4173;
  const isolation = !args.includes('--no-isolation');
  const { url } = await serve({ port, isolation });
  console.log(
    `asyncio-ts playground: ${url}${isolation ? '' : ' (without COOP/COEP: not isolated)'}`,
  );
  console.log('Ctrl-C stops the server.');
}
