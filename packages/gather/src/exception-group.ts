/** Python's ExceptionGroup, as TaskGroup throws it. */

/**
 * Python's ExceptionGroup: several errors thrown together (what a TaskGroup throws). Extends
 * AggregateError: `.errors` holds them (also as `.exceptions`, Python's name); `message`
 * reads like Python's `str()`: `unhandled errors in a TaskGroup (2 sub-exceptions)`.
 */
export class ExceptionGroup extends AggregateError {
  override name = 'ExceptionGroup';
  /** The errors thrown together (anything can be thrown, hence `unknown`). */
  declare errors: unknown[];
  /** The message without the count, Python's `eg.message`. */
  readonly groupMessage: string;

  /** `new ExceptionGroup(message, errors)`, Python's argument order; `errors` must not be empty. */
  constructor(message: string, errors: Iterable<unknown>) {
    if (typeof message !== 'string') {
      throw new TypeError(`ExceptionGroup: the message must be a string, got ${typeof message}`);
    }
    const list = errors === null || errors === undefined ? [] : [...errors];
    if (list.length === 0) {
      throw new RangeError('second argument (exceptions) must be a non-empty sequence');
    }
    const count = list.length === 1 ? '1 sub-exception' : `${list.length} sub-exceptions`;
    super(list, `${message} (${count})`);
    this.groupMessage = message;
  }

  /** The errors, Python's `eg.exceptions`. */
  get exceptions(): readonly unknown[] {
    return this.errors;
  }
}
