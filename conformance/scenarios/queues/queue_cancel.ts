import {
  CancelledError,
  type Coroutine,
  getRunningLoop,
  run,
  TimeoutError,
} from '@asyncio-ts/core-loop';
import { Queue } from '@asyncio-ts/queues';
import { sleep, VirtualClock, waitFor } from '@asyncio-ts/timers';
import { blockedCalls } from '../../src/private-state.js';
import type { Print } from '../../src/pyfmt.js';

export function* main(print: Print): Coroutine<void> {
  const loop = getRunningLoop();
  // A getter cancelled before any item: the other getter gets it.
  let q = new Queue<unknown>();
  const t1 = loop.createTask(q.get());
  const t2 = loop.createTask(q.get());
  yield* sleep(0);
  t1.cancel();
  yield* sleep(0);
  yield* q.put('a');
  print('t1 cancelled:', t1.cancelled(), 't2:', yield* t2);
  // A woken getter cancelled at once: the item stays, a retry gets it.
  q = new Queue();
  let reader = loop.createTask(q.get());
  yield* sleep(0);
  q.putNowait(1);
  q.putNowait(2);
  reader.cancel();
  try {
    yield* reader;
  } catch (error) {
    if (!(error instanceof CancelledError)) throw error;
    print('reader cancelled, qsize:', q.qsize());
    reader = loop.createTask(q.get());
    print('retry got:', yield* reader);
  }
  // Three readers, the first woken one cancelled: the other two get both items.
  q = new Queue();
  const readers = [0, 1, 2].map(() => loop.createTask(q.get()));
  yield* sleep(0);
  q.putNowait(1);
  q.putNowait(2);
  readers[0]?.cancel();
  const got: unknown[] = [];
  for (const r of readers) {
    try {
      got.push(yield* r);
    } catch (error) {
      if (!(error instanceof CancelledError)) throw error;
      got.push('cancelled');
    }
  }
  print('readers:', got);
  // A woken putter cancelled at once: nothing is put, a retry puts.
  q = new Queue(1);
  q.putNowait(1);
  const writer = loop.createTask(q.put(2));
  yield* sleep(0);
  print('took:', q.getNowait());
  writer.cancel();
  try {
    yield* writer;
  } catch (error) {
    if (!(error instanceof CancelledError)) throw error;
    print('writer cancelled, qsize:', q.qsize());
    yield* q.put(2);
  }
  print('then:', q.getNowait(), 'qsize:', q.qsize());
  // Putters in line, the last cancelled while still blocked.
  q = new Queue(1);
  const putA = loop.createTask(q.put('a'));
  const putB = loop.createTask(q.put('b'));
  const putC = loop.createTask(q.put('X'));
  yield* sleep(0);
  print('a done:', putA.done(), 'b done:', putB.done());
  putC.cancel();
  yield* sleep(0);
  print('c done:', putC.done(), 'got:', q.getNowait());
  yield* sleep(0);
  print('got:', q.getNowait());
  yield* putB;
  // Timeouts while blocked.
  const bounded = new Queue<number>(1);
  for (const what of ['get', 'put'] as const) {
    let coro: Coroutine<unknown>;
    if (what === 'get') coro = bounded.get();
    else {
      bounded.putNowait(0);
      coro = bounded.put(1);
    }
    try {
      yield* waitFor(coro, 0.01);
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error;
      print(
        what,
        'timed out, getters:',
        blockedCalls(bounded).getters,
        'putters:',
        blockedCalls(bounded).putters,
        'qsize:',
        bounded.qsize(),
      );
    }
  }
}

export default function (print: Print): void {
  run(() => main(print), { clock: new VirtualClock() });
}
