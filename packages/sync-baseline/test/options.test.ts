import { perfCounter, sleepSync } from '@asyncio-ts/sync-baseline';
import { VirtualClock } from '@asyncio-ts/timers';
import { afterEach, describe, expect, it } from 'vitest';

const proto = Object.prototype as Record<string, unknown>;

describe('options are read as own properties only', () => {
  afterEach(() => {
    delete proto.clock;
  });

  it('sleepSync ignores Object.prototype.clock: it blocks for real', () => {
    const virtual = new VirtualClock();
    proto.clock = virtual;
    const start = perfCounter();
    sleepSync(0.02, {});
    expect(perfCounter() - start).toBeGreaterThanOrEqual(0.015);
    expect(virtual.now()).toBe(0);
  });
});
