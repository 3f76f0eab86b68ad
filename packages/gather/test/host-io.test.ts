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
    // `?together=N`: held until N such requests are in flight, then all answered (the last
    // to arrive first); a request still alone after 2 s is answered `alone`.
    let held: Array<() => void> = [];
    server = createServer((request, response) => {
      const query = new URL(request.url ?? '/', 'http://x').searchParams;
      const together = Number(query.get('together') ?? 0);
      if (together > 0) {
        const release = (): void => {
          clearTimeout(timer);
          response.end(`body of ${request.url} (together)`);
        };
        const timer = setTimeout(() => {
          held = held.filter((other) => other !== release);
          response.end(`body of ${request.url} (alone)`);
        }, 2_000);
        held.push(release);
        if (held.length >= together) for (const each of held.splice(0).reverse()) each();
        return;
      }
      const wait = Number(query.get('wait') ?? 0);
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

  // The server answers both only once both are in flight: one after another, the first
  // would wait alone. Answered in reverse order, the results still come in argument order.
  it('gathers concurrent fetches and a file read, in argument order', async () => {
    const [a, b, packageJson] = await runAsync(function* () {
      return yield* gather(
        fetchText('/a?together=2'),
        fetchText('/b?together=2'),
        awaitPromise(readFile(new URL('../package.json', import.meta.url), 'utf8')),
      );
    });
    expect([a, b]).toEqual([
      'body of /a?together=2 (together)',
      'body of /b?together=2 (together)',
    ]);
    expect(JSON.parse(packageJson).name).toBe('@asyncio-ts/gather');
  }, 10_000);

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
