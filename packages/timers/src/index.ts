export { sleep } from './sleep.js';
export { Timeout, timeout, timeoutAt } from './timeout.js';
export { VirtualClock, type VirtualClockOptions } from './virtual-clock.js';
export { waitFor } from './wait-for.js';
