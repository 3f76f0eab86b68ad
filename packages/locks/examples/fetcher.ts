import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Coroutine, getRunningLoop, runAsync } from '@asyncio-ts/core-loop';
import { holding, Semaphore } from '@asyncio-ts/locks';

/** Fetches ten pages from a local server, at most three at a time. */
export async function main(): Promise<string> {
  // A local server that answers after 50 ms and counts the requests it serves at once.
  let active = 0;
  let peak = 0;
  const server = createServer((request, response) => {
    active++;
    peak = Math.max(peak, active);
    setTimeout(() => {
      active--;
      response.end(`page ${request.url}`);
    }, 50);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const slots = new Semaphore(3); // asyncio.Semaphore(3)

  function* fetchPage(path: string): Coroutine<string> {
    // async with slots: ...
    return yield* holding(slots, function* () {
      const response = (yield fetch(`http://127.0.0.1:${port}${path}`)) as Response;
      return (yield response.text()) as string;
    });
  }

  const pages = await runAsync(function* () {
    const loop = getRunningLoop();
    const tasks = Array.from({ length: 10 }, (_, i) => loop.createTask(fetchPage(`/${i}`)));
    const pages: string[] = [];
    for (const task of tasks) pages.push(yield* task);
    return pages;
  });
  server.closeAllConnections();
  server.close();
  return `${pages.length} pages, ${pages[9]}, at most ${peak} requests at once`;
}

// Run it: npx tsx examples/fetcher.ts
if (import.meta.url === `file://${process.argv[1]}`) console.log(await main());
