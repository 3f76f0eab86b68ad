/** The raw addresses of a connected socket, as Node reports them (cloneable between threads). */
export interface RawAddresses {
  localAddress?: string | undefined;
  localPort?: number | undefined;
  localFamily?: string | undefined;
  remoteAddress?: string | undefined;
  remotePort?: number | undefined;
  remoteFamily?: string | undefined;
  /** The Unix socket path, for Unix sockets. */
  path?: string | undefined;
  /** True on the server side of a Unix socket (the path is then the sockname). */
  serverSide?: boolean | undefined;
}

/** A socket address as Python gives it: `[host, port]`, `[host, port, 0, 0]` for IPv6, or a path. */
export type SocketAddress = [string, number] | [string, number, number, number] | string;

/** Python's tuple for an inet address (IPv6 gets flowinfo and scope id, as in Python). */
export function inetAddress(
  host: string | undefined,
  port: number | undefined,
  family: string | undefined,
): SocketAddress | undefined {
  if (host === undefined || port === undefined) return undefined;
  return family === 'IPv6' || host.includes(':') ? [host, port, 0, 0] : [host, port];
}

/** `peername` and `sockname` for `getExtraInfo`, from raw addresses. */
export function extraInfoOf(raw: RawAddresses): Record<string, unknown> {
  if (raw.path !== undefined) {
    return raw.serverSide === true
      ? { sockname: raw.path, peername: '' }
      : { sockname: '', peername: raw.path };
  }
  return {
    sockname: inetAddress(raw.localAddress, raw.localPort, raw.localFamily),
    peername: inetAddress(raw.remoteAddress, raw.remotePort, raw.remoteFamily),
  };
}

/** The raw addresses of a `node:net` socket. */
export function rawAddressesOf(
  socket: {
    localAddress?: string | undefined;
    localPort?: number | undefined;
    localFamily?: string | undefined;
    remoteAddress?: string | undefined;
    remotePort?: number | undefined;
    remoteFamily?: string | undefined;
  },
  path?: string,
  serverSide?: boolean,
): RawAddresses {
  if (path !== undefined) return { path, serverSide };
  return {
    localAddress: socket.localAddress,
    localPort: socket.localPort,
    localFamily: socket.localFamily,
    remoteAddress: socket.remoteAddress,
    remotePort: socket.remotePort,
    remoteFamily: socket.remoteFamily,
  };
}
