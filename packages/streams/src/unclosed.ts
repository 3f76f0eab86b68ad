import { resourceWarning } from './resources.js';
import type { Transport } from './transport.js';

/** What is left of a writer once it is collected: its transport and how it read. */
interface Held {
  transport: Transport;
  description: string;
}

function reportUnclosed(held: Held): void {
  if (held.transport.isClosing()) return;
  held.transport.abort();
  resourceWarning(`unclosed ${held.description}`);
}

const registry = new FinalizationRegistry<Held>(reportUnclosed);

/**
 * asyncio's `StreamWriter.__del__`: a writer collected while its transport is open closes
 * the transport and reports a `ResourceWarning` (`process.emitWarning`).
 */
export function watchUnclosed(writer: object, transport: Transport): void {
  registry.register(writer, { transport, description: `<StreamWriter transport=${transport}>` });
}
