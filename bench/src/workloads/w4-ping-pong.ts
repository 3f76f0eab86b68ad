/**
 * W4 ping-pong: two tasks hand a counter back and forth through futures until it reaches n
 * (n hand-offs). Each player awaits its own mailbox future, replaces it with a fresh one and
 * resolves the other player's mailbox with the counter plus one.
 */
import { type Coroutine, type Future, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { Deferred, Effect, Fiber } from 'effect';
import * as effection from 'effection';
import { outcome, type Workload } from '../workload.js';

/** asyncio-ts: two tasks, `loop.createFuture()` mailboxes; returns both players' last value. */
export function asyncioTs(n: number): [number, number] {
  return run(function* () {
    const loop = getRunningLoop();
    const boxes: [Future<number>, Future<number>] = [loop.createFuture(), loop.createFuture()];
    function* player(me: 0 | 1, other: 0 | 1): Coroutine<number> {
      for (;;) {
        const value = yield* boxes[me];
        boxes[me] = loop.createFuture();
        if (value >= n) {
          if (!boxes[other].done()) boxes[other].setResult(value);
          return value;
        }
        boxes[other].setResult(value + 1);
      }
    }
    const a = loop.createTask(player(0, 1));
    const b = loop.createTask(player(1, 0));
    boxes[0].setResult(0);
    return [yield* a, yield* b];
  });
}

interface Mailbox<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  settled: boolean;
}

function mailbox<T>(): Mailbox<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  const box: Mailbox<T> = {
    promise,
    resolve(value) {
      box.settled = true;
      resolve(value);
    },
    settled: false,
  };
  return box;
}

/** Native: two async functions, promise-with-resolvers mailboxes. */
export async function native(n: number): Promise<[number, number]> {
  const boxes: [Mailbox<number>, Mailbox<number>] = [mailbox(), mailbox()];
  async function player(me: 0 | 1, other: 0 | 1): Promise<number> {
    for (;;) {
      const value = await boxes[me].promise;
      boxes[me] = mailbox();
      if (value >= n) {
        if (!boxes[other].settled) boxes[other].resolve(value);
        return value;
      }
      boxes[other].resolve(value + 1);
    }
  }
  const a = player(0, 1);
  const b = player(1, 0);
  boxes[0].resolve(0);
  return [await a, await b];
}

/** Effection: two spawned tasks, `withResolvers()` mailboxes. */
export function effectionPingPong(n: number): Promise<[number, number]> {
  return effection.run(function* () {
    type Box = effection.WithResolvers<number> & { settled: boolean };
    const box = (): Box => {
      const w = effection.withResolvers<number>();
      const b: Box = {
        operation: w.operation,
        resolve(value) {
          b.settled = true;
          w.resolve(value);
        },
        reject: w.reject,
        settled: false,
      };
      return b;
    };
    const boxes: [Box, Box] = [box(), box()];
    function* player(me: 0 | 1, other: 0 | 1): effection.Operation<number> {
      for (;;) {
        const value = yield* boxes[me].operation;
        boxes[me] = box();
        if (value >= n) {
          if (!boxes[other].settled) boxes[other].resolve(value);
          return value;
        }
        boxes[other].resolve(value + 1);
      }
    }
    const a = yield* effection.spawn(() => player(0, 1));
    const b = yield* effection.spawn(() => player(1, 0));
    boxes[0].resolve(0);
    return [yield* a, yield* b] as [number, number];
  });
}

/** Effect: two forked fibers, `Deferred` mailboxes. */
export function effectPingPong(n: number): Promise<[number, number]> {
  return Effect.runPromise(
    Effect.gen(function* () {
      const boxes: [Deferred.Deferred<number>, Deferred.Deferred<number>] = [
        yield* Deferred.make<number>(),
        yield* Deferred.make<number>(),
      ];
      const player = (me: 0 | 1, other: 0 | 1) =>
        Effect.gen(function* () {
          for (;;) {
            const value = yield* Deferred.await(boxes[me]);
            boxes[me] = yield* Deferred.make<number>();
            if (value >= n) {
              yield* Deferred.succeed(boxes[other], value);
              return value;
            }
            yield* Deferred.succeed(boxes[other], value + 1);
          }
        });
      const a = yield* Effect.forkChild(player(0, 1));
      const b = yield* Effect.forkChild(player(1, 0));
      yield* Deferred.succeed(boxes[0], 0);
      return [yield* Fiber.join(a), yield* Fiber.join(b)] as [number, number];
    }),
  );
}

const both = (n: number, [a, b]: [number, number]) => outcome(a === n && b === n);

export const w4: Workload = {
  id: 'W4',
  title: 'ping-pong',
  description: 'two tasks hand a value back and forth n times through futures.',
  kind: 'time',
  size: { full: { n: 200_000, span: 0 }, quick: { n: 2_000, span: 0 } },
  runs: 5,
  budgetMs: 3_000,
  implementations: [
    {
      id: 'asyncio-ts',
      library: 'asyncio-ts',
      label: 'asyncio-ts tasks + `loop.createFuture`',
      run: ({ n }) => both(n, asyncioTs(n)),
    },
    {
      id: 'native',
      library: 'native',
      label: 'native async functions + promise resolvers',
      run: async ({ n }) => both(n, await native(n)),
    },
    {
      id: 'effection',
      library: 'effection',
      label: 'Effection `spawn` + `withResolvers`',
      run: async ({ n }) => both(n, await effectionPingPong(n)),
    },
    {
      id: 'effect',
      library: 'effect',
      label: 'Effect `forkChild` + `Deferred`',
      run: async ({ n }) => both(n, await effectPingPong(n)),
    },
    {
      id: 'cpython',
      library: 'cpython',
      label: 'CPython tasks + `loop.create_future`',
      impl: 'futures',
    },
  ],
};
