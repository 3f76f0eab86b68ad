import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { EditorState, Prec } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  keymap,
  lineNumbers,
} from '@codemirror/view';

/** A cell's code editor (CodeMirror 6, TypeScript mode); Shift+Enter calls `onRun`. */
export interface CellEditor {
  /** The code as it is now. */
  getSource(): string;
  /** Replaces the code. */
  setSource(source: string): void;
}

/** Makes a CodeMirror editor for a cell's code inside `parent`. */
export function createEditor(parent: HTMLElement, source: string, onRun: () => void): CellEditor {
  const runKey = Prec.highest(
    keymap.of([
      {
        key: 'Shift-Enter',
        run: () => {
          onRun();
          return true;
        },
      },
    ]),
  );
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: source,
      extensions: [
        runKey,
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        javascript({ typescript: true }),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorState.tabSize.of(2),
      ],
    }),
  });
  return {
    getSource: () => view.state.doc.toString(),
    setSource: (text) =>
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
  };
}
