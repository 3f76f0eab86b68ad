import { type Coroutine, run } from '@asyncio-ts/core-loop';
import { LifoQueue, PriorityQueue, Queue, QueueEmpty, QueueFull } from '@asyncio-ts/queues';
import { VirtualClock } from '@asyncio-ts/timers';
import { unfinishedTasks } from '../../src/private-state.js';
import { type Print, tuple } from '../../src/pyfmt.js';

type Item = unknown;
const drain = (q: Queue<Item>): Item[] => {
  const out: Item[] = [];
  while (!q.empty()) out.push(q.getNowait());
  return out;
};
const asTuple = (x: Item): Item => (Array.isArray(x) ? tuple(...x) : x);

export function* main(print: Print): Coroutine<void> {
  const pq = new PriorityQueue<Item>();
  for (const item of [[2, 'b'], [1, 'z'], [1, 'a'], [3], [1, 'a', 0], [0, 'x', 'y']]) {
    yield* pq.put(item);
  }
  print('tuples:', drain(pq).map(asTuple));
  for (const s of ['pear', 'Apple', 'apple', 'apple pie', '']) pq.putNowait(s);
  print('strings:', drain(pq));
  for (const n of [3, -1, 2.5, true, 0]) pq.putNowait(n);
  print('numbers:', drain(pq));
  const jobs = new PriorityQueue<{ p: number; name: string }>(0, { compare: (a, b) => a.p - b.p });
  for (const [i, p] of [3, 1, 1, 2, 1, 3, 2, 1, 2, 1].entries())
    jobs.putNowait({ p, name: `j${i}` });
  const ties: string[] = [];
  while (!jobs.empty()) ties.push(jobs.getNowait().name);
  print('ties:', ties);
  pq.putNowait(1);
  try {
    pq.putNowait('a');
  } catch (error) {
    if (error instanceof TypeError) print('TypeError:', error.message);
  }
  // As heapq does, the item that failed to compare stays in the queue (unfinished uncounted).
  print('qsize:', pq.qsize(), 'unfinished:', unfinishedTasks(pq), 'first:', pq.getNowait());
  const tuples = new PriorityQueue<Item>();
  tuples.putNowait([1, 'x']);
  try {
    tuples.putNowait([1, 2]);
  } catch (error) {
    if (error instanceof TypeError) print('TypeError:', error.message);
  }
  const lq = new LifoQueue<number>(3);
  for (const i of [1, 2, 3]) yield* lq.put(i);
  const popped: number[] = [];
  const full = lq.full();
  for (let i = 0; i < 3; i++) popped.push(yield* lq.get());
  print('lifo full:', full, popped);
  const q = new Queue<number>(1);
  try {
    q.getNowait();
  } catch (error) {
    if (error instanceof QueueEmpty) print(error.name, "''");
  }
  q.putNowait(1);
  try {
    q.putNowait(2);
  } catch (error) {
    if (error instanceof QueueFull) print(error.name, "''");
  }
  print('maxsize:', q.maxsize, new Queue().maxsize, 'unbounded full:', new Queue(-1).full());
}

export default function (print: Print): void {
  run(() => main(print), { clock: new VirtualClock() });
}
