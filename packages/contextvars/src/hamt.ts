/**
 * A persistent (immutable) hash array mapped trie, the structure behind CPython's contextvars:
 * `set` and `delete` copy only the path from the root to the changed leaf (at most 7 nodes
 * of at most 32 slots), so a copy of a map is the map itself and costs O(1).
 *
 * Keys carry their own 32-bit hash, and the hashes are unique (see `ContextVar`): two
 * different keys always part ways at some level of the trie, so no collision node is needed.
 * Nodes are plain objects (no classes), so that maps made by two copies of this package (ESM
 * and CJS loaded together) work with each other.
 */

/** One entry: a key, its hash, its value. */
interface Leaf {
  readonly hash: number;
  readonly key: object;
  readonly value: unknown;
  readonly children?: undefined;
}

/** Up to 32 children, one per 5-bit fragment of the hash present in `bitmap`. */
interface Branch {
  readonly bitmap: number;
  readonly children: readonly TrieNode[];
}

type TrieNode = Leaf | Branch;

/** An immutable map from hashed keys to values; every update returns a new map. */
export interface HashMap {
  /** The trie: null when empty, a leaf when it holds one entry. */
  readonly root: TrieNode | null;
  /** How many entries. */
  readonly size: number;
}

/** A key the trie can hold: an object with a unique 32-bit hash. */
export interface HashedKey {
  /** @internal The key's hash in the trie. */
  readonly _hash: number;
}

/** The empty map. */
export const EMPTY_MAP: HashMap = Object.freeze({ root: null, size: 0 });

const BITS = 5;
const MASK = 31;
// 32 bits in slices of 5: shifts 0, 5, ..., 30; unique hashes differ by then.
const MAX_SHIFT = 30;

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function leafOf(key: HashedKey & object, value: unknown): Leaf {
  return { hash: key._hash, key, value };
}

/** The leaf holding `key`, or undefined. */
function find(root: TrieNode | null, key: HashedKey & object): Leaf | undefined {
  const hash = key._hash;
  let node = root;
  let shift = 0;
  while (node !== null) {
    if (node.children === undefined) return node.key === key ? node : undefined;
    const bit = 1 << ((hash >>> shift) & MASK);
    if ((node.bitmap & bit) === 0) return undefined;
    node = node.children[popcount(node.bitmap & (bit - 1))] as TrieNode;
    shift += BITS;
  }
  return undefined;
}

/** A branch holding two leaves whose hashes first differ at or below `shift`. */
function split(a: Leaf, b: Leaf, shift: number): Branch {
  if (shift > MAX_SHIFT) throw new Error(`contextvars: two keys share the hash ${a.hash}`);
  const fa = (a.hash >>> shift) & MASK;
  const fb = (b.hash >>> shift) & MASK;
  if (fa === fb) return { bitmap: 1 << fa, children: [split(a, b, shift + BITS)] };
  return { bitmap: (1 << fa) | (1 << fb), children: fa < fb ? [a, b] : [b, a] };
}

function insert(node: TrieNode, leaf: Leaf, shift: number): TrieNode {
  if (node.children === undefined) {
    if (node.key === leaf.key) return node.value === leaf.value ? node : leaf;
    return split(node, leaf, shift);
  }
  const bit = 1 << ((leaf.hash >>> shift) & MASK);
  const index = popcount(node.bitmap & (bit - 1));
  const children = node.children.slice();
  if ((node.bitmap & bit) === 0) {
    children.splice(index, 0, leaf);
    return { bitmap: node.bitmap | bit, children };
  }
  const child = children[index] as TrieNode;
  const updated = insert(child, leaf, shift + BITS);
  if (updated === child) return node;
  children[index] = updated;
  return { bitmap: node.bitmap, children };
}

/** `node` without `key`: the same node when absent, null when nothing is left. */
function remove(node: TrieNode, key: HashedKey & object, shift: number): TrieNode | null {
  if (node.children === undefined) return node.key === key ? null : node;
  const bit = 1 << ((key._hash >>> shift) & MASK);
  if ((node.bitmap & bit) === 0) return node;
  const index = popcount(node.bitmap & (bit - 1));
  const child = node.children[index] as TrieNode;
  const updated = remove(child, key, shift + BITS);
  if (updated === child) return node;
  const children = node.children.slice();
  if (updated === null) {
    children.splice(index, 1);
    if (children.length === 0) return null;
    // A lone leaf moves up: lookups stop at a leaf, whatever its depth.
    const only = children[0] as TrieNode;
    if (children.length === 1 && only.children === undefined) return only;
    return { bitmap: node.bitmap & ~bit, children };
  }
  if (children.length === 1 && updated.children === undefined) return updated;
  children[index] = updated;
  return { bitmap: node.bitmap, children };
}

/** True when `map` holds `key`. */
export function mapHas(map: HashMap, key: HashedKey & object): boolean {
  return find(map.root, key) !== undefined;
}

/** The value for `key`, or `missing` when absent. */
export function mapGet<M>(map: HashMap, key: HashedKey & object, missing: M): unknown {
  const leaf = find(map.root, key);
  return leaf === undefined ? missing : leaf.value;
}

/** `map` with `key` set to `value` (the same map when nothing changes). */
export function mapSet(map: HashMap, key: HashedKey & object, value: unknown): HashMap {
  const leaf = leafOf(key, value);
  const root = map.root;
  if (root === null) return { root: leaf, size: 1 };
  const updated = insert(root, leaf, 0);
  if (updated === root) return map;
  return { root: updated, size: find(root, key) === undefined ? map.size + 1 : map.size };
}

/** `map` without `key` (the same map when it was absent). */
export function mapDelete(map: HashMap, key: HashedKey & object): HashMap {
  const root = map.root;
  if (root === null) return map;
  const updated = remove(root, key, 0);
  if (updated === root) return map;
  return updated === null ? EMPTY_MAP : { root: updated, size: map.size - 1 };
}

/** The entries of `map`, as `[key, value]` pairs, in trie order. */
export function* mapEntries(map: HashMap): Generator<[object, unknown], void, undefined> {
  const root = map.root;
  if (root === null) return;
  const stack: TrieNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TrieNode;
    if (node.children === undefined) {
      yield [node.key, node.value];
    } else {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as TrieNode);
    }
  }
}

/** Every node of `map`'s trie (for tests: how much two maps share). */
export function mapNodes(map: HashMap): Set<object> {
  const nodes = new Set<object>();
  const stack: TrieNode[] = map.root === null ? [] : [map.root];
  while (stack.length > 0) {
    const node = stack.pop() as TrieNode;
    nodes.add(node);
    if (node.children !== undefined) for (const child of node.children) stack.push(child);
  }
  return nodes;
}
