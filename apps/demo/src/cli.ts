#!/usr/bin/env node
import { main } from './program.js';

// `asyncio-ts-demo | head` closes the pipe early: stop quietly, as a Unix tool does.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
