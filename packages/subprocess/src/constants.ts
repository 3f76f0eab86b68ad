/** asyncio.subprocess.PIPE: a pipe to the child, read or written through the Process's streams. */
export const PIPE = -1;
/** asyncio.subprocess.STDOUT: for `stderr`, send the child's stderr to its stdout. */
export const STDOUT = -2;
/** asyncio.subprocess.DEVNULL: connect the stream to /dev/null. */
export const DEVNULL = -3;

/**
 * What a child's stdin, stdout or stderr is connected to: `PIPE`, `DEVNULL`, `STDOUT` (stderr
 * only), a file descriptor (an integer >= 0), or `null`/absent to inherit the parent's.
 */
export type StdioSpec = number | null | undefined;
