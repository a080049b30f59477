/**
 * The console's editor: CodeMirror 6 with Cypher highlighting, a history of edits, completion of labels,
 * relationship types and property keys from the database (completion-context.ts decides which, from the
 * text before the cursor) and keywords, and a mark on the character where the server placed an error.
 */
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  closeCompletion,
  completionKeymap,
} from '@codemirror/autocomplete';
import type {
  Completion,
  CompletionContext as EditorCompletionContext,
  CompletionResult,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { StreamLanguage, bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view';
import type { CypherSchema } from '../../graph/model/api-types';
import { CYPHER_KEYWORDS, completionContext, type CompletionKind } from './completion-context';

export interface ConsoleEditorOptions {
  doc: string;
  /** The schema to complete from; null while it is loading (keywords are offered meanwhile). */
  schema: () => CypherSchema | null;
  onRun: () => void;
}

const COMPLETION_TYPES: Record<CompletionKind, string> = {
  label: 'class',
  relationshipType: 'type',
  propertyKey: 'property',
  keyword: 'keyword',
};

function options(kind: CompletionKind, schema: CypherSchema | null): Completion[] {
  const words =
    kind === 'keyword'
      ? CYPHER_KEYWORDS
      : kind === 'label'
        ? (schema?.labels ?? [])
        : kind === 'relationshipType'
          ? (schema?.relationshipTypes ?? [])
          : (schema?.propertyKeys ?? []);
  const detail = { label: 'label', relationshipType: 'relationship', propertyKey: 'property', keyword: '' }[kind];
  return words.map((word) => ({
    label: word,
    type: COMPLETION_TYPES[kind],
    detail: detail || undefined,
    // A name that is not a plain identifier must be quoted to parse.
    apply: kind !== 'keyword' && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(word) ? `\`${word.replace(/`/g, '``')}\`` : word,
  }));
}

function cypherCompletions(schema: () => CypherSchema | null) {
  return (context: EditorCompletionContext): CompletionResult | null => {
    const text = context.state.doc.toString();
    const at = completionContext(text, context.pos);
    if (!at) return null;
    // Keywords only once a letter is typed (or on Ctrl+Space); schema names right after `:`, `|`, `.` or `{`.
    if (at.kind === 'keyword' && !at.prefix && !context.explicit) return null;
    return { from: at.from, options: options(at.kind, schema()), validFor: /^[A-Za-z0-9_]*$/ };
  };
}

export function createConsoleEditor(options_: ConsoleEditorOptions): EditorView {
  return new EditorView({
    state: EditorState.create({
      doc: options_.doc,
      extensions: [
        lineNumbers(),
        lintGutter(),
        history(),
        bracketMatching(),
        closeBrackets(),
        StreamLanguage.define(cypher),
        syntaxHighlighting(defaultHighlightStyle),
        autocompletion({ override: [cypherCompletions(options_.schema)], icons: true }),
        placeholder('MATCH (n:Person) RETURN n LIMIT 25'),
        keymap.of([
          {
            key: 'Mod-Enter',
            // A completion list left open would cover the answer's first rows.
            run: (view) => (closeCompletion(view), options_.onRun(), true),
            preventDefault: true,
          },
          ...closeBracketsKeymap,
          ...completionKeymap,
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        EditorView.theme({
          '&': { fontSize: '14px' },
          '.cm-content': { fontFamily: 'ui-monospace, "JetBrains Mono", Menlo, monospace' },
        }),
      ],
    }),
  });
}

/** The range to mark for an error at a line and column: the word that starts there, else one character. */
export function errorRange(doc: Text, line: number, column: number): { from: number; to: number } {
  if (doc.length === 0) return { from: 0, to: 0 };
  const at = doc.line(Math.min(Math.max(1, line), doc.lines));
  let from = Math.min(at.from + column - 1, at.to);
  if (from === at.to && from > at.from) from--; // past the line's end (a missing token): mark its last character
  const word = /^[A-Za-z0-9_]+/.exec(doc.sliceString(from, at.to))?.[0];
  const to = Math.min(doc.length, from + Math.max(1, word?.length ?? 1));
  return { from, to };
}

/** Marks the error in the editor (underline, gutter, message on hover); `null` clears the mark. */
export function markError(view: EditorView, error: { line: number; column: number; message: string } | null): void {
  const diagnostics: Diagnostic[] = [];
  if (error) {
    const { from, to } = errorRange(view.state.doc, error.line, error.column);
    diagnostics.push({ from, to, severity: 'error', message: error.message });
  }
  view.dispatch(setDiagnostics(view.state, diagnostics));
}
