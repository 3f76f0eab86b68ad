// One worker thread of a ThreadPoolExecutor. It runs one job at a time: imports the named
// module, calls the export, awaits a returned promise, and posts the outcome on its port.
// Plain JavaScript (not built): the pool starts it as it is, from src/ or dist/.
import { workerData } from 'node:worker_threads';

const TRANSFER = Symbol.for('asyncio-ts.threads.transfer');
const port = workerData.port;
const modules = new Map();
let notifyWakeCell = null;

/** The wake-up of the loop that waits for this job (core-loop's wake path), loaded once. */
async function wakeFunction() {
  if (notifyWakeCell === null) {
    const internal = await import('@asyncio-ts/core-loop/internal');
    notifyWakeCell = internal.notifyWakeCell;
  }
  return notifyWakeCell;
}

/** The built-in error classes, most specific first: the loop's thread rebuilds these. */
const BUILTIN_CLASSES = [TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError];
const BUILTIN_PROTOTYPES = new Set([Error, ...BUILTIN_CLASSES].map((Class) => Class.prototype));

/** The name of the nearest built-in class the error is an instance of (`Error` if none). */
function builtinOf(error) {
  return BUILTIN_CLASSES.find((Class) => error instanceof Class)?.name ?? 'Error';
}

/**
 * The name the error goes by: its `name` when the error or its own class set one (on the
 * instance or a prototype), else its class name (a subclass that inherits `Error`'s `name`).
 */
function nameOf(error) {
  let holder = error;
  while (holder !== null && !Object.hasOwn(holder, 'name')) holder = Object.getPrototypeOf(holder);
  const className = error.constructor?.name;
  const name = typeof error.name === 'string' ? error.name : '';
  const inherited = holder === null || BUILTIN_PROTOTYPES.has(holder);
  return (inherited ? className || name : name || className) || 'Error';
}

/**
 * How the stack's first line names the error: its `name` now, or its built-in class's name
 * if the stack was made before a `name` was set.
 */
function labelOf(error, stack, builtin) {
  const header = error.message === '' ? '' : `: ${error.message}`;
  const candidates = [error.name, builtin, error.constructor?.name];
  if (typeof stack !== 'string') return undefined;
  return candidates.find((label) => {
    if (typeof label !== 'string' || !stack.startsWith(label + header)) return false;
    const after = stack.charAt(label.length + header.length);
    return after === '' || after === '\n';
  });
}

/** The fields of an error that survive the trip: name, class, message, stack, code, cause. */
function describeError(error) {
  if (!(error instanceof Error)) {
    let text;
    try {
      text = typeof error === 'string' ? error : JSON.stringify(error);
    } catch {
      text = String(error);
    }
    return { name: 'Error', message: `a non-Error value was thrown: ${text}`, stack: undefined };
  }
  const stack = error.stack;
  const described = {
    name: nameOf(error),
    builtin: builtinOf(error),
    message: String(error.message),
    stack: typeof stack === 'string' ? stack : undefined,
  };
  const label = labelOf(error, stack, described.builtin);
  if (label !== undefined) described.label = label;
  // Only a plain code crosses: an object could fail to clone, and then so would the report.
  if (typeof error.code === 'string' || typeof error.code === 'number') described.code = error.code;
  if (error.cause !== undefined) described.cause = describeError(error.cause);
  return described;
}

async function loadExport(module, exportName) {
  let namespace = modules.get(module);
  if (namespace === undefined) {
    try {
      namespace = await import(module);
    } catch (error) {
      return { failure: 'module', error };
    }
    modules.set(module, namespace);
  }
  if (!(exportName in namespace)) return { failure: 'export' };
  const fn = namespace[exportName];
  if (typeof fn !== 'function') return { failure: 'not-function', type: typeof fn };
  return { fn };
}

function unwrapTransfer(value) {
  if (value !== null && typeof value === 'object' && Object.hasOwn(value, TRANSFER)) {
    return { value: value.value, transfer: value[TRANSFER] };
  }
  return { value, transfer: [] };
}

async function runJob(job) {
  const loaded = await loadExport(job.module, job.exportName);
  if (loaded.fn === undefined) {
    return {
      id: job.id,
      ok: false,
      failure: loaded.failure,
      type: loaded.type,
      error: loaded.error === undefined ? undefined : describeError(loaded.error),
    };
  }
  try {
    const result = await Reflect.apply(loaded.fn, undefined, job.args);
    return { id: job.id, ok: true, ...unwrapTransfer(result) };
  } catch (error) {
    return { id: job.id, ok: false, failure: 'throw', error: describeError(error) };
  }
}

function post(outcome) {
  const { transfer = [], ...message } = outcome;
  try {
    port.postMessage(message, transfer);
  } catch (error) {
    port.postMessage({ id: outcome.id, ok: false, failure: 'clone', error: describeError(error) });
  }
}

// Jobs run one at a time, in order. The pool may send the next job before this one ends (so
// no round trip is lost between calls); the loop cancels such a job by writing its id in
// `skip` before it starts, as asyncio cancels work that has not started.
const skip = workerData.skip;
const queue = [];
let running = false;
/** The wake cell of the last job sent: a job carries its loop's cell only when it changes. */
let lastCell;

async function runQueue() {
  running = true;
  while (queue.length > 0) {
    const job = queue.shift();
    const outcome =
      Atomics.load(skip, 0) === job.id
        ? { id: job.id, ok: false, failure: 'skipped' }
        : await runJob(job);
    post(outcome);
    if (job.cell !== undefined) (await wakeFunction())(job.cell);
  }
  running = false;
}

port.on('message', (job) => {
  if (job.cell === undefined) job.cell = lastCell;
  else lastCell = job.cell;
  queue.push(job);
  if (!running) runQueue();
});
