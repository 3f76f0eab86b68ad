// The worker-thread exports of bench rows T1 and T2 (asyncio-ts, Piscina and tinypool rows).

/** T1: the tiny call. */
export function add(a, b) {
  return a + b;
}

/** T1 for Piscina and tinypool, whose tasks are one argument. */
export function addTask({ a, b }) {
  return a + b;
}

/** T2: a fixed amount of CPU work (`rounds` steps of a linear congruential generator). */
export function burn(rounds) {
  let x = 1;
  for (let i = 0; i < rounds; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
  return x;
}
