import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

const CTRL_C = '\x03';

/** Where the first line of `text` ends (after its \r, \n or \r\n); -1 when it does not. */
function endOfFirstLine(text: string): number {
  const at = text.search(/[\r\n]/);
  if (at === -1) return -1;
  return text.startsWith('\r\n', at) ? at + 2 : at + 1;
}

/**
 * Lets input through to node's REPL one line at a time. node:repl hands every line of a
 * burst (a paste, piped input) to `eval` at once, without waiting for the previous line to
 * finish; Python's REPL, like a terminal user, waits. After each line the gate closes until
 * `release()` (called when the REPL shows its prompt again). Ctrl-C always goes through at
 * once, so that it can interrupt the running line.
 */
export class LineGate {
  /** What the REPL reads. */
  readonly output = new PassThrough();
  private held = '';
  private open = true;
  private ended = false;
  private flushing = false;
  private readonly decoder = new StringDecoder('utf8');

  constructor(input: NodeJS.ReadableStream) {
    input.on('data', (chunk: Buffer | string) => {
      const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
      if (text.includes(CTRL_C)) this.output.write(CTRL_C);
      this.held += text.replaceAll(CTRL_C, '');
      this.flush();
    });
    input.on('end', () => {
      this.ended = true;
      this.flush();
    });
  }

  /** The REPL is ready for the next line. */
  release(): void {
    if (this.open) return;
    this.open = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    if (this.flushing) return;
    this.flushing = true;
    while (this.open && this.held !== '') {
      const cut = endOfFirstLine(this.held);
      if (cut === -1) {
        this.output.write(this.held);
        this.held = '';
        break;
      }
      const line = this.held.slice(0, cut);
      this.held = this.held.slice(cut);
      this.open = false;
      this.output.write(line);
    }
    this.flushing = false;
    if (this.ended && this.held === '' && !this.output.writableEnded) this.output.end();
  }
}
