export { Barrier } from './barrier.js';
export { Condition } from './condition.js';
export { BrokenBarrierError } from './errors.js';
export { Event } from './event.js';
export { type Acquirable, acquired, type Held, holding } from './holding.js';
export { Lock } from './lock.js';
export { LoopBound } from './loop-bound.js';
export { BoundedSemaphore, Semaphore } from './semaphore.js';
