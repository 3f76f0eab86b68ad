export { consume } from './consume.js';
export { QueueEmpty, QueueFull, QueueShutDown } from './errors.js';
export { LifoQueue } from './lifo-queue.js';
export { PriorityQueue, type PriorityQueueOptions } from './priority-queue.js';
export { Queue, type QueueStore } from './queue.js';
