/**
 * A few CPython scenarios print private state (`len(lock._waiters)`, `sem._value`,
 * `q._unfinished_tasks`) to show that no waiter, permit or count is lost. The TypeScript side
 * reads the same state of our classes here, in one place: those fields are tagged @internal,
 * so they are not in the published types that this project compiles against.
 */
interface Sized {
  readonly length: number;
}

function field<T>(owner: object, name: string): T {
  return (owner as Record<string, T>)[name] as T;
}

/** `len(primitive._waiters)`: the waiters of a Lock or an Event (none yet: 0). */
export function waiterCount(primitive: object): number {
  return field<Sized | null>(primitive, '_waiters')?.length ?? 0;
}

/** `sem._value`: the permits a Semaphore has left. */
export function semaphoreValue(semaphore: object): number {
  return field<number>(semaphore, '_value');
}

/** `q._unfinished_tasks`: items put and not yet marked done with taskDone(). */
export function unfinishedTasks(queue: object): number {
  return field<number>(queue, '_unfinishedTasks');
}

/** `len(q._getters)` and `len(q._putters)`: the blocked get() and put() calls. */
export function blockedCalls(queue: object): { getters: number; putters: number } {
  return {
    getters: field<Sized>(queue, '_getters').length,
    putters: field<Sized>(queue, '_putters').length,
  };
}
