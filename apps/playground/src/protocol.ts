import type { TaskRow } from '@asyncio-ts/demo/task-timeline';
import type { CellResult } from './kernel.js';

/** What the page asks the kernel worker. */
export type ToKernel =
  | { readonly type: 'start'; readonly virtual: boolean }
  | { readonly type: 'run'; readonly id: number; readonly cell: string; readonly source: string }
  | { readonly type: 'interrupt' };

/** What the kernel worker tells the page; `id` names the run it belongs to. */
export type FromKernel =
  | { readonly type: 'ready'; readonly isolated: boolean }
  | { readonly type: 'print'; readonly id: number; readonly text: string; readonly t: number }
  | { readonly type: 'task'; readonly id: number; readonly row: TaskRow; readonly ended: boolean }
  | { readonly type: 'done'; readonly id: number; readonly result: CellResult };
