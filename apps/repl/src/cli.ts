#!/usr/bin/env node
import { startRepl } from './repl.js';

// asyncio-ts-repl: the asyncio REPL (python -m asyncio), for asyncio-ts.
const historyFile = process.env.ASYNCIO_TS_REPL_HISTORY;
await startRepl(historyFile === undefined ? {} : { historyFile });
process.exit(0);
