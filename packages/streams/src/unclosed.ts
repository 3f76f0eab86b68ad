import type { Transport } from './transport.js';

/** What is left of a writer once it is collected: its transport and how it read. */
interface Held {
  transport: Transport;
  description: string;
}

function reportUnclosed(held: Held): void {
  if (held.transport.isClosing()) return;
  held.transport.abort();
  const message = `unclosed ${held.description}`;
  const proc = (globalThis as { process?: { emitWarning?: (m: string, t: string) => void } })
    .process;
  if (typeof proc?.emitWarning === 'function') proc.emitWarning(message, 'ResourceWarning');
  else console.warn(`ResourceWarning: ${message}`);
}

const registry = new FinalizationRegistry<Held>(reportUnclosed);

/**
 * asyncio's `StreamWriter.__del__`: a writer collected while its transport is open closes
 * the transport and reports a `ResourceWarning` (`process.emitWarning`).
 */
export function watchUnclosed(writer: object, transport: Transport): void {
  registry.register(writer, { transport, description: `<StreamWriter transport=${transport}>` });
}
