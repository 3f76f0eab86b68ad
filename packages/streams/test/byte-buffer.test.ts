import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteBuffer } from '../src/byte-buffer.js';

type Op = { kind: 'append' | 'adopt'; bytes: number[] } | { kind: 'take' | 'drop'; n: number };
type Cut = Extract<Op, { n: number }>;

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('append' as const, 'adopt' as const),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 50 }),
  }),
  fc.record({
    kind: fc.constantFrom('take' as const, 'drop' as const),
    n: fc.integer({ min: 0, max: 60 }),
  }),
);

describe('ByteBuffer', () => {
  it('behaves like a plain array of bytes under any mix of append, adopt, take and drop', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 3 }),
        (ops, sep) => {
          const buffer = new ByteBuffer();
          let model: number[] = [];
          const taken: Uint8Array[] = [];
          for (const o of ops) {
            if (o.kind === 'append' || o.kind === 'adopt') {
              const chunk = Uint8Array.from(o.bytes);
              if (o.kind === 'append') {
                buffer.append(chunk);
                chunk.fill(0); // appending copies: later changes to the chunk do not show
              } else {
                buffer.adopt(chunk);
              }
              model = model.concat(o.bytes);
            } else if (o.kind === 'take') {
              const got = buffer.take((o as Cut).n);
              expect(Array.from(got)).toEqual(model.slice(0, (o as Cut).n));
              taken.push(got);
              model = model.slice((o as Cut).n);
            } else {
              buffer.drop((o as Cut).n);
              model = model.slice((o as Cut).n);
            }
            expect(buffer.length).toBe(model.length);
            const separator = Uint8Array.from(sep);
            let expected = -1;
            for (let i = 0; i + sep.length <= model.length && expected < 0; i++) {
              if (sep.every((b, j) => model[i + j] === b)) expected = i;
            }
            expect(buffer.indexOf(separator, 0)).toBe(expected);
          }
          // What take() handed out never changes afterwards.
          const snapshot = taken.map((t) => Array.from(t));
          buffer.append(new Uint8Array(100).fill(7));
          expect(taken.map((t) => Array.from(t))).toEqual(snapshot);
        },
      ),
    );
  });
});
