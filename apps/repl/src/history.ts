import { readFileSync, writeFileSync } from 'node:fs';
import type { REPLServer } from 'node:repl';

/** What node's readline keeps of a terminal REPL's history (newest line first). */
interface HistoryHolder {
  history: string[];
  historySize?: number;
}

const NOT_PERSISTED = 'REPL session history will not be persisted.';

/**
 * Keeps the REPL's history in `file`, newest line first (node's format, mode 0600): loads it
 * at the start and writes it at once, synchronously, each time a line is added. node's own
 * `setupHistory` writes 15 ms after a line, so the last lines could be lost, or still be
 * written after the REPL has ended (the CLI exits at once then). Problems are reported on
 * `report`, and history is then kept in memory only.
 */
export function keepHistory(repl: REPLServer, file: string, report: (text: string) => void): void {
  const holder = repl as unknown as HistoryHolder;
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      report(
        `Error: could not read the history file ${file}: ${(error as Error).message}\n${NOT_PERSISTED}\n`,
      );
      return;
    }
  }
  const lines = text.split(/[\r\n]+/).filter((line) => line !== '');
  holder.history = lines.slice(0, holder.historySize ?? lines.length);
  const onHistory = (history: string[]): void => {
    try {
      writeFileSync(file, history.join('\n'), { mode: 0o600 });
    } catch (error) {
      repl.off('history', onHistory);
      report(
        `Error: could not write the history file ${file}: ${(error as Error).message}\n${NOT_PERSISTED}\n`,
      );
    }
  };
  repl.on('history', onHistory);
}
