import { ContextVar, LookupError } from '@asyncio-ts/contextvars';
import { afterEach, describe, expect, it } from 'vitest';

const proto = Object.prototype as Record<string, unknown>;

describe('options are read as own properties only', () => {
  afterEach(() => {
    delete proto.default;
  });

  it('ContextVar ignores Object.prototype.default', () => {
    proto.default = 'polluted';
    const variable = new ContextVar<string>('request', {});
    expect(() => variable.get()).toThrow(LookupError);
  });
});
