import type { Server } from 'node:http';

/** The default folder served: the build's output. */
export declare const DIST: string;

/** Serves `root` (default: dist) on 127.0.0.1 with the COOP/COEP headers unless `isolation: false`. */
export declare function serve(options?: {
  root?: string;
  port?: number;
  isolation?: boolean;
}): Promise<{ server: Server; url: string }>;
