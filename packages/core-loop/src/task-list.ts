import type { Task } from './task.js';

/**
 * A loop's pending tasks as an intrusive doubly linked list (the links live on the tasks):
 * adding and removing cost two pointer writes and no hashing — asyncio keeps a WeakSet.
 */
export class TaskList {
  private head: Task<unknown> | null = null;
  private tail: Task<unknown> | null = null;
  private count = 0;

  /** How many tasks are in the list. */
  get size(): number {
    return this.count;
  }

  /** Appends `task` (a task is in at most one list, once). */
  add(task: Task<unknown>): void {
    if (task._previousInList !== null || this.head === task) return;
    task._previousInList = this.tail;
    task._nextInList = null;
    if (this.tail === null) this.head = task;
    else this.tail._nextInList = task;
    this.tail = task;
    this.count++;
  }

  /** Removes `task` if it is in the list. */
  delete(task: Task<unknown>): void {
    if (task._previousInList === null && this.head !== task) return;
    const previous = task._previousInList;
    const next = task._nextInList;
    if (previous === null) this.head = next;
    else previous._nextInList = next;
    if (next === null) this.tail = previous;
    else next._previousInList = previous;
    task._previousInList = null;
    task._nextInList = null;
    this.count--;
  }

  /** The tasks in the order they were created. */
  *[Symbol.iterator](): IterableIterator<Task<unknown>> {
    let task = this.head;
    while (task !== null) {
      const next = task._nextInList;
      yield task;
      task = next;
    }
  }
}
