import { describe, expect, it } from 'vitest';
import { gather } from '../src/gather.js';
import { job, runVirtual, Trace } from './support.js';

describe('scratch', () => {
  it('works', () => {
    const trace = new Trace();
    const r = runVirtual(function* () {
      const res = yield* gather(job(trace, 'a', 2, 'A'), job(trace, 'b', 1, 1));
      trace.log(`got ${res}`);
      return res;
    });
    expect(r).toEqual(['A', 1]);
    console.log(trace.lines);
  });
});
