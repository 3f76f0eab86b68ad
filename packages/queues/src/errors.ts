/** asyncio.QueueEmpty: `getNowait()` on an empty queue. */
export class QueueEmpty extends Error {
  override name = 'QueueEmpty';
}

/** asyncio.QueueFull: `putNowait()` on a full queue. */
export class QueueFull extends Error {
  override name = 'QueueFull';
}

/**
 * asyncio.QueueShutDown (3.13): putting on a queue that was shut down, or getting from one
 * that was shut down and is empty (or was shut down with `immediate`).
 */
export class QueueShutDown extends Error {
  override name = 'QueueShutDown';
}
