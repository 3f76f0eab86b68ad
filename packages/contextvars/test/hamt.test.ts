import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_MAP,
  type HashMap,
  mapDelete,
  mapEntries,
  mapGet,
  mapHas,
  mapNodes,
  mapSet,
} from '../src/hamt.js';
import { Context, ContextVar, copyContext } from '../src/index.js';
import { varsOf } from '../src/internal.js';

const keys = Array.from({ length: 300 }, (_, i) => new ContextVar<number>(`k${i}`));

describe('the persistent hash trie', () => {
  it('behaves as a Map under any sequence of sets and deletes, and never changes old versions', () => {
    const op = fc.tuple(fc.boolean(), fc.nat(keys.length - 1), fc.integer());
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        let map: HashMap = EMPTY_MAP;
        const model = new Map<object, number>();
        const history: [HashMap, Map<object, number>][] = [];
        for (const [isSet, index, value] of ops) {
          const key = keys[index] as ContextVar<number>;
          if (isSet) {
            map = mapSet(map, key, value);
            model.set(key, value);
          } else {
            map = mapDelete(map, key);
            model.delete(key);
          }
          history.push([map, new Map(model)]);
        }
        for (const [version, expected] of history) {
          expect(version.size).toBe(expected.size);
          expect(new Map(mapEntries(version))).toEqual(expected);
          for (const key of keys) {
            expect(mapHas(version, key)).toBe(expected.has(key));
            expect(mapGet(version, key, 'none')).toBe(
              expected.has(key) ? expected.get(key) : 'none',
            );
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('returns the same map when nothing changes', () => {
    const k = keys[0] as ContextVar<number>;
    const one = mapSet(EMPTY_MAP, k, 1);
    expect(mapSet(one, k, 1)).toBe(one);
    expect(mapDelete(one, keys[1] as ContextVar<number>)).toBe(one);
    expect(mapDelete(one, k)).toBe(EMPTY_MAP);
  });
});

describe('copyContext() is O(1)', () => {
  it('shares the whole trie with the context it copies, however many variables it holds', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => new ContextVar<number>(`m${i}`));
    new Context().run(() => {
      for (let i = 0; i < many.length; i++) (many[i] as ContextVar<number>).set(i);
      const original = copyContext();
      for (let i = 0; i < 1_000; i++) {
        const copy = copyContext();
        // Not a walk over 20,000 entries: the copy holds the very same trie.
        expect(varsOf(copy)).toBe(varsOf(original));
      }
      expect(original.size).toBe(20_000);
    });
  });

  it('a change to a copy of a 20,000-variable context makes at most 7 new nodes', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => new ContextVar<number>(`n${i}`));
    const base = new Context();
    base.run(() => {
      for (let i = 0; i < many.length; i++) (many[i] as ContextVar<number>).set(i);
    });
    const copy = base.copy();
    copy.run(() => (many[123] as ContextVar<number>).set(-1));
    const before = mapNodes(varsOf(base));
    const after = mapNodes(varsOf(copy));
    const fresh = [...after].filter((node) => !before.has(node));
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.length).toBeLessThanOrEqual(7);
    expect(base.get(many[123] as ContextVar<number>)).toBe(123);
    expect(copy.get(many[123] as ContextVar<number>)).toBe(-1);
  });
});
