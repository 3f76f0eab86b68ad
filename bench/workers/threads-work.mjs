// The worker-thread exports of bench rows T1 and T2 (asyncio-ts, Piscina and tinypool rows).

/** T1: the tiny call. */
export function add(a, b) {
  return a + b;
}

/** T1 for Piscina and tinypool, whose tasks are one argument. */
export function addTask({ a, b }) {
  return a + b;
}

/** T2: keeps one core busy for `seconds`, then returns how many rounds it ran. */
export function spin(seconds) {
  const end = performance.now() + seconds * 1000;
  let rounds = 0;
  while (performance.now() < end) rounds++;
  return rounds;
}
