import { VirtualClock } from '@asyncio-ts/timers';
import { afterEach, describe, expect, it } from 'vitest';

const proto = Object.prototype as Record<string, unknown>;

describe('options are read as own properties only', () => {
  afterEach(() => {
    delete proto.start;
    delete proto.rate;
  });

  it('VirtualClock ignores Object.prototype.start and .rate', () => {
    proto.start = 5;
    proto.rate = 2;
    const clock = new VirtualClock({});
    expect([clock.now(), clock.rate]).toEqual([0, 0]);
  });
});
