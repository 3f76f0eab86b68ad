#!/usr/bin/env node
// Placeholder entry of the asyncio-ts-demo CLI; the demo's owner replaces it.
console.log('asyncio-ts demo: placeholder (the notebook replay is not written yet)');
