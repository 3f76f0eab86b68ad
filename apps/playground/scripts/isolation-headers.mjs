/**
 * The response headers that make a page cross-origin isolated, so that its Worker has
 * SharedArrayBuffer and Atomics.wait (the kernel's blocking waits need them).
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
