import { formatSeconds } from '@asyncio-ts/demo/timeline-chart';
import { type CellEditor, createEditor } from './editor.js';
import type { CellResult } from './kernel.js';
import { KernelClient, KernelRestarted } from './kernel-client.js';
import { CELL_IDS, type CellId, KEY_CONCEPTS, NOTEBOOK } from './notebook.js';
import { renderTimelineSvg } from './timeline-svg.js';
import './style.css';

/** The page's API, for people in the console and for the browser tests. */
export interface PlaygroundApi {
  /** The cell's current code. */
  source(cell: string): string;
  /** Runs the cell (with `source` in place of its code, if given); resolves to its lines. */
  run(cell: string, source?: string): Promise<string[]>;
  /** Restarts the kernel: a fresh loop, nest-patch not applied. */
  restart(): void;
  /** Interrupts the running cell: its task is cancelled, it prints KeyboardInterrupt. */
  interrupt(): void;
}

declare global {
  interface Window {
    playground: PlaygroundApi;
  }
}

interface CellView {
  readonly editor: CellEditor;
  readonly prompt: HTMLElement;
  readonly output: HTMLPreElement;
  readonly meta: HTMLElement;
  readonly chart: HTMLElement;
  readonly root: HTMLElement;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = '',
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  made.className = className;
  if (text !== '') made.textContent = text;
  return made;
}

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found as T;
}

const params = new URLSearchParams(location.search);
const notebook = byId<HTMLElement>('notebook');
const virtualSwitch = byId<HTMLInputElement>('virtual');
const kernelStatus = byId<HTMLElement>('kernel-status');
const views = new Map<string, CellView>();
let executionCount = 0;
let busy = 0;

function fail(error: unknown): void {
  document.body.dataset.state = 'error';
  const banner = byId<HTMLElement>('page-error');
  banner.hidden = false;
  banner.textContent = `The page failed: ${error instanceof Error ? error.message : String(error)}`;
}

window.addEventListener('error', (event) => fail(event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => fail(event.reason));

const kernel = new KernelClient(params.get('virtual') === '1', fail);
virtualSwitch.checked = kernel.isVirtual;

function showStatus(): void {
  const clock = kernel.isVirtual ? 'virtual time' : 'real time';
  kernelStatus.textContent = `kernel: ${busy > 0 ? 'busy' : 'idle'}, ${clock}`;
  kernelStatus.classList.toggle('busy', busy > 0);
}

function elapsedText(result: CellResult): string {
  const seconds = kernel.isVirtual
    ? `${formatSeconds(result.elapsed)} s of virtual time`
    : `${result.elapsed.toFixed(3)} s`;
  return `elapsed ${seconds}`;
}

function viewOf(cell: string): CellView {
  const view = views.get(cell);
  if (view === undefined) {
    throw new Error(`no cell named ${JSON.stringify(cell)}; the cells are ${CELL_IDS.join(', ')}`);
  }
  return view;
}

async function runCell(cell: string, source?: string): Promise<string[]> {
  const view = viewOf(cell);
  if (source !== undefined) view.editor.setSource(source);
  const lines: string[] = [];
  view.output.textContent = '';
  view.chart.replaceChildren();
  view.meta.textContent = 'running…';
  view.prompt.textContent = 'In [*]:';
  view.root.classList.add('running');
  view.root.classList.remove('failed');
  busy++;
  showStatus();
  try {
    const result = await kernel.run(cell, view.editor.getSource(), {
      print(text) {
        lines.push(text);
        view.output.textContent = lines.join('\n');
      },
    });
    view.output.textContent = result.lines.join('\n');
    view.prompt.textContent = `In [${++executionCount}]:`;
    view.meta.textContent = elapsedText(result);
    view.root.classList.toggle('failed', result.error !== null);
    view.chart.innerHTML = renderTimelineSvg(result.rows, {
      unit: kernel.isVirtual ? 'virtual s' : 's',
    });
    return result.lines;
  } catch (error) {
    if (!(error instanceof KernelRestarted)) throw error;
    view.prompt.textContent = 'In [ ]:';
    view.meta.textContent = 'interrupted: the kernel was restarted';
    throw error;
  } finally {
    view.root.classList.remove('running');
    busy--;
    showStatus();
  }
}

/** Jupyter's "run all above", then the cell (`null`: every cell). */
async function runThrough(last: string | null): Promise<void> {
  if (last !== null) viewOf(last); // an unknown cell fails here, before anything runs
  const end = last === null ? CELL_IDS.length : CELL_IDS.indexOf(last as CellId) + 1;
  for (const cell of CELL_IDS.slice(0, end)) await runCell(cell);
}

function restart(virtual = virtualSwitch.checked): void {
  kernel.restart(virtual);
  executionCount = 0;
  for (const view of views.values()) view.prompt.textContent = 'In [ ]:';
  showStatus();
}

function build(): void {
  for (const cell of NOTEBOOK) {
    const prose = element('section', 'prose');
    prose.innerHTML = cell.prose;
    const root = element('section', 'cell');
    root.dataset.cell = cell.id;
    const prompt = element('div', 'prompt', 'In [ ]:');
    const body = element('div', 'cell-body');
    const editorHost = element('div', 'editor');
    const runButton = element('button', 'run', '▶ Run');
    runButton.type = 'button';
    runButton.title = 'Run this cell (Shift+Enter)';
    const output = element('pre', 'output');
    output.dataset.output = cell.id;
    const meta = element('div', 'meta');
    const chart = element('div', 'chart');
    const run = (): void => {
      runCell(cell.id).catch((error: unknown) => {
        if (!(error instanceof KernelRestarted)) fail(error);
      });
    };
    runButton.addEventListener('click', run);
    const editor = createEditor(editorHost, cell.source, run);
    body.append(editorHost, output, meta, chart);
    root.append(prompt, runButton, body);
    notebook.append(prose, root);
    views.set(cell.id, { editor, prompt, output, meta, chart, root });
  }
  const closing = element('section', 'prose');
  closing.innerHTML = KEY_CONCEPTS;
  notebook.append(closing);
}

build();
showStatus();
byId<HTMLElement>('isolation').hidden = window.crossOriginIsolated;
byId<HTMLButtonElement>('run-all').addEventListener('click', () => {
  runThrough(null).catch((error: unknown) => {
    if (!(error instanceof KernelRestarted)) fail(error);
  });
});
byId<HTMLButtonElement>('restart').addEventListener('click', () => restart());
byId<HTMLButtonElement>('interrupt').addEventListener('click', () => kernel.interrupt());
virtualSwitch.addEventListener('change', () => restart(virtualSwitch.checked));

window.playground = {
  source: (cell) => viewOf(cell).editor.getSource(),
  run: runCell,
  restart: () => restart(),
  interrupt: () => kernel.interrupt(),
};

const requested = params.get('run');
if (requested === null) {
  document.body.dataset.state = 'done';
  performance.mark('playground-ready');
} else {
  runThrough(requested === 'all' ? null : requested).then(() => {
    if (document.body.dataset.state !== 'error') document.body.dataset.state = 'done';
  }, fail);
}
