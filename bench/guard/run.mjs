/**
 * The regression guard's measuring half (issue 24), plain JavaScript run by plain Node, so it
 * measures the packages as they ship (their dist, resolved as a user's program resolves
 * them), not the TypeScript sources the test runner loads. W1 and W2 at a small size,
 * asyncio-ts and the native row in turns; prints the fastest run of each as JSON.
 *   node bench/guard/run.mjs [--planted]   (--planted: W1 with a hot path gone quadratic)
 * The programs are W1's and W2's (src/workloads/w1-spawn-gather.ts, w2-call-soon.ts).
 */
import { getRunningLoop, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep } from '@asyncio-ts/timers';

function* child(i) {
  yield* sleep(0);
  return i;
}

function w1(n) {
  return run(function* () {
    const coros = new Array(n);
    for (let i = 0; i < n; i++) coros[i] = child(i);
    return yield* gather(coros);
  });
}

/** W1 with a planted slowdown: every task, once woken, scans every task (O(n²) in all). */
function w1Quadratic(n) {
  return run(function* () {
    const seen = new Array(n).fill(0);
    function* scanning(i) {
      yield* sleep(0);
      let total = 0;
      for (let j = 0; j < n; j++) total += seen[j];
      seen[i] = total === -1 ? 0 : 1;
      return i;
    }
    const coros = new Array(n);
    for (let i = 0; i < n; i++) coros[i] = scanning(i);
    return yield* gather(coros);
  });
}

async function nativeChild(i) {
  await null;
  return i;
}

function w1Native(n) {
  const promises = new Array(n);
  for (let i = 0; i < n; i++) promises[i] = nativeChild(i);
  return Promise.all(promises);
}

function w2(n) {
  return run(function* () {
    const loop = getRunningLoop();
    const done = loop.createFuture();
    let count = 0;
    const callback = () => {
      count++;
      if (count === n) done.setResult(count);
    };
    for (let i = 0; i < n; i++) loop.callSoon(callback);
    return yield* done;
  });
}

function w2Native(n) {
  return new Promise((resolve) => {
    let count = 0;
    const callback = () => {
      count++;
      if (count === n) resolve(count);
    };
    for (let i = 0; i < n; i++) queueMicrotask(callback);
  });
}

/**
 * `warmup` runs of each first (a cold asyncio-ts runs 5-10× slower than a warm one), then
 * `rounds` of each in turns; the fastest of each, since a busy machine only adds time.
 */
async function fastest(ours, native, n, rounds, warmup) {
  const a = [];
  const b = [];
  for (let i = 0; i < warmup; i++) {
    ours(n);
    await native(n);
  }
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    ours(n);
    a.push(performance.now() - t);
    t = performance.now();
    await native(n);
    b.push(performance.now() - t);
  }
  return { oursMs: Math.min(...a), nativeMs: Math.min(...b) };
}

const planted = process.argv.includes('--planted');
const result = planted
  ? { W1: await fastest(w1Quadratic, w1Native, 2_000, 9, 3) }
  : {
      W1: await fastest(w1, w1Native, 2_000, 31, 30),
      W2: await fastest(w2, w2Native, 20_000, 31, 30),
    };
process.stdout.write(`${JSON.stringify(result)}\n`);
