// The functions the threads scenario runs on worker threads (to_thread.py defines the same).
export function square(x) {
  return x * x;
}
export function label(name, seconds) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
  return `done ${name}`;
}
class RuntimeError extends Error {
  name = 'RuntimeError';
}
export function fail(message) {
  throw new RuntimeError(message);
}
