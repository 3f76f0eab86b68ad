import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Coroutine, RuntimeError, run, runAsync, TimeoutError } from '@asyncio-ts/core-loop';
import { sleep, waitFor } from '@asyncio-ts/timers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gather } from '../src/index.js';

/** Awaits a native promise inside a coroutine (host mode). */
function* awaitPromise<T>(promise: PromiseLike<T>): Coroutine<T> {
  return (yield promise) as T;
}

describe('gather in host mode: real HTTP and file I/O', () => {
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      const wait = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('wait') ?? 0);
      const timer = setTimeout(() => response.end(`body of ${request.url}`), wait);
      request.on('close', () => clearTimeout(timer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  function* fetchText(path: string): Coroutine<string> {
    const response = yield* awaitPromise(fetch(`${base}${path}`));
    return yield* awaitPromise(response.text());
  }

  it('gathers concurrent fetches and a file read, in argument order', async () => {
    const started = performance.now();
    const [a, b, packageJson] = await runAsync(function* () {
      return yield* gather(
        fetchText('/a?wait=300'),
        fetchText('/b?wait=300'),
        awaitPromise(readFile(new URL('../package.json', import.meta.url), 'utf8')),
      );
    });
    const elapsed = performance.now() - started;
    expect([a, b]).toEqual(['body of /a?wait=300', 'body of /b?wait=300']);
    expect(JSON.parse(packageJson).name).toBe('@asyncio-ts/gather');
    // Concurrent: about 300 ms; one after another they would take 600 ms or more.
    expect(elapsed).toBeLessThan(550);
  });

  it('accepts native promises among its arguments', async () => {
    const results = await runAsync(function* () {
      return yield* gather([Promise.resolve('native'), sleep(0.01, 'ours')]);
    });
    expect(results).toEqual(['native', 'ours']);
  });

  it('times a slow request out with waitFor while the fast ones finish', async () => {
    const outcome = await runAsync(function* () {
      const results = yield* gather(
        [
          waitFor(fetchText('/fast?wait=10'), 2),
          waitFor(fetchText('/slow?wait=5000'), 0.1),
          waitFor(fetchText('/also-fast?wait=20'), 2),
        ],
        { returnExceptions: true },
      );
      return results.map((r) => (r instanceof Error ? `${r.name}` : r));
    });
    expect(outcome).toEqual([
      'body of /fast?wait=10',
      'TimeoutError',
      'body of /also-fast?wait=20',
    ]);
  });

  it('fails a gather with the TimeoutError of waitFor when returnExceptions is off', async () => {
    await expect(
      runAsync(function* () {
        return yield* gather(waitFor(fetchText('/slow?wait=5000'), 0.05), sleep(0.01, 'x'));
      }),
    ).rejects.toBeInstanceOf(TimeoutError);
  });

  it('refuses a native promise in a blocking run, saying to use runAsync', () => {
    expect(() => run(() => gather([Promise.resolve(1)]) as unknown as Coroutine<unknown>)).toThrow(
      RuntimeError,
    );
  });
});
