/**
 * The channel between a loop and its I/O worker: two one-way rings of records in shared
 * memory, one each way. A record is a kind, a resource id, one number (`aux`) and optional
 * bytes. Socket data and writes travel as bytes in the ring; anything else (a connect, a
 * spawn, an error) travels on a MessagePort, announced in the ring by a MESSAGE record so
 * that the receiver reads it (with `receiveMessageOnPort`) in the same order as the rest.
 *
 * Why: a MessagePort message costs about 8 µs of CPU to post and as much to receive, and
 * waking the receiving thread's event loop as much again. S1 (echo round trips in a blocking
 * run) crossed threads four times a round trip: ~56 µs a crossing pair on MessagePort, under
 * 1 µs through shared memory with the receiver polling.
 *
 * This module is also run inside the worker from its source text (see io-worker.ts), so
 * `sharedRing` must be self-contained: no imports, no outer variables, and no syntax a build
 * may turn into helper calls (`?.`, `??`, class fields). A test checks the built text.
 */

/** The kinds of record (numbers, so that the worker's copy of this module agrees). */
export interface RecordKinds {
  /** Loop → worker: bytes to write to resource `id`. */
  readonly Write: number;
  /** Worker → loop: bytes read from `id`; `aux` = bytes of the loop's writes flushed so far. */
  readonly Data: number;
  /** Either way: the next message on the port belongs here. */
  readonly Message: number;
  /** Loop → worker: say when `id`'s writes are flushed. */
  readonly WantDrain: number;
  /** Worker → loop: `id`'s writes are flushed up to `aux` bytes. */
  readonly Drained: number;
}

/** Where a record's fields are read from: valid only during the visit. */
export type RecordVisitor = (kind: number, id: number, aux: number, bytes: Uint8Array) => void;

/** The sending end of one ring. */
export interface RingSender {
  /**
   * Appends a record (bytes copied in), or keeps it in order behind earlier ones until the
   * receiver makes room. True if it went into the ring now.
   */
  send(kind: number, id: number, aux: number, bytes: Uint8Array | null): boolean;
  /** Moves records kept for lack of room into the ring, in order; returns how many. */
  flush(): number;
  /** True while records are kept for lack of room. */
  keeping(): boolean;
}

/** The receiving end of one ring. */
export interface RingReceiver {
  /**
   * Visits every record in the ring, in order, then frees their room; returns how many.
   * `senderWaiting` is then true if the sender kept records for lack of room and should be
   * told to flush.
   */
  receive(visit: RecordVisitor): number;
  /** True if a record is waiting. */
  pending(): boolean;
  /** True if the sender waits for room (read after `receive`); clears the flag. */
  takeSenderWaiting(): boolean;
}

/** The two ends' shared memory for one ring. */
export interface RingMemory {
  control: SharedArrayBuffer;
  data: SharedArrayBuffer;
}

/** The ring functions: `allocate`, `sender`, `receiver`. */
export interface SharedRing {
  /** The kinds of record. */
  readonly kinds: RecordKinds;
  /** Shared memory for a ring of `capacity` bytes (a power of two). */
  allocate(capacity: number): RingMemory;
  /** The sending end over `memory`. */
  sender(memory: RingMemory): RingSender;
  /** The receiving end over `memory`. */
  receiver(memory: RingMemory): RingReceiver;
  /** The largest payload a record carries inline; larger bytes go on the port. */
  maxInline(memory: RingMemory): number;
}

/**
 * Builds the ring functions. Self-contained (see the module comment).
 *
 * Layout: `control` holds [0] the tail (bytes ever written), [1] the head (bytes ever read),
 * both counting modulo 2^32, and [2] the sender-waiting flag. `data` holds records, each
 * 8-byte aligned: i32 payload length (-1: skip to the ring's end), i32 kind, i32 id, i32
 * unused, f64 aux, then the payload. A record never wraps around the end.
 */
export function sharedRing(): SharedRing {
  const HEADER = 24;
  const TAIL = 0;
  const HEAD = 1;
  const WAITING = 2;
  const SKIP = -1;

  function align(n: number): number {
    return (n + 7) & ~7;
  }

  function allocate(capacity: number): RingMemory {
    if (capacity < 64 || (capacity & (capacity - 1)) !== 0) {
      throw new RangeError(`ring capacity must be a power of two >= 64, got ${capacity}`);
    }
    return { control: new SharedArrayBuffer(16), data: new SharedArrayBuffer(capacity) };
  }

  function maxInline(memory: RingMemory): number {
    return memory.data.byteLength / 4 - HEADER;
  }

  function sender(memory: RingMemory): RingSender {
    const control = new Int32Array(memory.control);
    const bytes = new Uint8Array(memory.data);
    const words = new Int32Array(memory.data);
    const numbers = new Float64Array(memory.data);
    const capacity = memory.data.byteLength;
    const mask = capacity - 1;
    // Records kept in order while the ring is full: [kind, id, aux, bytes] each.
    const kept: [number, number, number, Uint8Array | null][] = [];
    let keptHead = 0;

    function put(kind: number, id: number, aux: number, payload: Uint8Array | null): boolean {
      const length = payload === null ? 0 : payload.length;
      const size = align(HEADER + length);
      let tail = Atomics.load(control, TAIL);
      const used = (tail - Atomics.load(control, HEAD)) | 0;
      let at = tail & mask;
      const toEnd = capacity - at;
      const skip = toEnd < size ? toEnd : 0;
      if (capacity - used < skip + size) return false;
      if (skip > 0) {
        if (skip >= 4) words[at >> 2] = SKIP;
        tail = (tail + skip) | 0;
        at = 0;
      }
      words[at >> 2] = length;
      words[(at >> 2) + 1] = kind;
      words[(at >> 2) + 2] = id;
      numbers[(at + 16) >> 3] = aux;
      if (payload !== null) bytes.set(payload, at + HEADER);
      // The store publishes the record: the receiver's load of the tail sees it whole.
      Atomics.store(control, TAIL, (tail + size) | 0);
      return true;
    }

    function flush(): number {
      const first = keptHead;
      while (keptHead < kept.length) {
        const record = kept[keptHead] as [number, number, number, Uint8Array | null];
        if (!put(record[0], record[1], record[2], record[3])) {
          // Ask the receiver to say when it has made room, then try once more, in case it
          // made room before it could see the request (both sides store, then load).
          Atomics.store(control, WAITING, 1);
          if (!put(record[0], record[1], record[2], record[3])) return keptHead - first;
        }
        kept[keptHead++] = undefined as never;
      }
      const moved = keptHead - first;
      kept.length = 0;
      keptHead = 0;
      return moved;
    }

    function send(kind: number, id: number, aux: number, payload: Uint8Array | null): boolean {
      if (keptHead === kept.length && put(kind, id, aux, payload)) return true;
      // Full: keep a copy, in order behind what is already kept.
      kept.push([kind, id, aux, payload === null ? null : new Uint8Array(payload)]);
      flush();
      return false;
    }

    function keeping(): boolean {
      return keptHead < kept.length;
    }

    return { send, flush, keeping };
  }

  function receiver(memory: RingMemory): RingReceiver {
    const control = new Int32Array(memory.control);
    const bytes = new Uint8Array(memory.data);
    const words = new Int32Array(memory.data);
    const numbers = new Float64Array(memory.data);
    const capacity = memory.data.byteLength;
    const mask = capacity - 1;

    function receive(visit: RecordVisitor): number {
      let head = Atomics.load(control, HEAD);
      let count = 0;
      for (;;) {
        const tail = Atomics.load(control, TAIL);
        if (head === tail) break;
        while (head !== tail) {
          const at = head & mask;
          const toEnd = capacity - at;
          if (toEnd < HEADER || words[at >> 2] === SKIP) {
            head = (head + toEnd) | 0;
            continue;
          }
          const length = words[at >> 2] as number;
          const kind = words[(at >> 2) + 1] as number;
          const id = words[(at >> 2) + 2] as number;
          const aux = numbers[(at + 16) >> 3] as number;
          count++;
          try {
            visit(kind, id, aux, bytes.subarray(at + HEADER, at + HEADER + length));
          } finally {
            head = (head + align(HEADER + length)) | 0;
            Atomics.store(control, HEAD, head);
          }
        }
      }
      return count;
    }

    function pending(): boolean {
      return Atomics.load(control, HEAD) !== Atomics.load(control, TAIL);
    }

    function takeSenderWaiting(): boolean {
      if (Atomics.load(control, WAITING) === 0) return false;
      Atomics.store(control, WAITING, 0);
      return true;
    }

    return { receive, pending, takeSenderWaiting };
  }

  const kinds: RecordKinds = { Write: 1, Data: 2, Message: 3, WantDrain: 4, Drained: 5 };
  return { kinds, allocate, sender, receiver, maxInline };
}

/** The ring functions for this thread's side (the worker compiles its own from the text). */
export const ring: SharedRing = sharedRing();
