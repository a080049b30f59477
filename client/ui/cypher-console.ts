/**
 * The Cypher console: CodeMirror 6 with Cypher highlighting, Ctrl/Cmd+Enter to run, a history, the
 * server's errors inline in plain words, and results both as a table and in the graph (added to the view
 * or replacing it).
 */
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { StreamLanguage, defaultHighlightStyle, syntaxHighlighting, bracketMatching } from '@codemirror/language';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';
import type { CypherResponse } from '../../graph/model/api-types';
import type { DossierApp } from '../app';
import { cypherErrorMessage } from '../api/api-error';
import { cellText, parseStoredHistory, rememberQuery } from '../cypher/query-history';
import { button, clear, el } from './dom';

const STORAGE_KEY = 'dossier.cypherHistory';
const MAX_TABLE_ROWS = 500;
export const EXAMPLE_QUERY = 'MATCH (p:Person)-[r]-(s:State)\nRETURN p, r, s\nLIMIT 50';

export interface CypherConsole {
  element: HTMLElement;
  editor: EditorView;
  run(): Promise<void>;
  focus(): void;
}

export function createCypherConsole(app: DossierApp): CypherConsole {
  let queries = parseStoredHistory(localStorage.getItem(STORAGE_KEY));
  const status = el('div', { className: 'console-status', attrs: { role: 'status' } });
  const results = el('div', { className: 'console-results' });
  const mode = el('select', { attrs: { 'aria-label': 'Where the graph results go' } }, [
    el('option', { text: 'Add to the view', attrs: { value: 'add' } }),
    el('option', { text: 'Replace the view', attrs: { value: 'replace' } }),
  ]);
  const historySelect = el('select', { className: 'console-history', attrs: { 'aria-label': 'Query history' } });
  const runButton = button('Run  (Ctrl+Enter)', () => void run(), { className: 'primary' });

  const editor = new EditorView({
    parent: undefined,
    state: EditorState.create({
      doc: queries[0] ?? EXAMPLE_QUERY,
      extensions: [
        lineNumbers(),
        history(),
        bracketMatching(),
        StreamLanguage.define(cypher),
        syntaxHighlighting(defaultHighlightStyle),
        placeholder('MATCH (n:Person) RETURN n LIMIT 25'),
        keymap.of([
          { key: 'Mod-Enter', run: () => (void run(), true), preventDefault: true },
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

  function renderHistory(): void {
    clear(historySelect);
    historySelect.append(
      el('option', { text: queries.length ? `History (${queries.length})` : 'No history yet', attrs: { value: '' } }),
    );
    queries.forEach((q, i) =>
      historySelect.append(el('option', { text: q.replace(/\s+/g, ' ').slice(0, 90), attrs: { value: String(i) } })),
    );
  }
  historySelect.addEventListener('change', () => {
    const q = queries[Number(historySelect.value)];
    if (q !== undefined) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: q } });
    historySelect.value = '';
    editor.focus();
  });

  function renderTable(response: CypherResponse): HTMLElement {
    const table = el('table', { className: 'result-table' }, [
      el('thead', {}, [
        el(
          'tr',
          {},
          response.columns.map((c) => el('th', { text: c })),
        ),
      ]),
      el(
        'tbody',
        {},
        response.rows.slice(0, MAX_TABLE_ROWS).map((row) =>
          el(
            'tr',
            {},
            row.map((cell) => {
              const text = cellText(cell);
              return el('td', {
                text: text.length > 200 ? `${text.slice(0, 200)}…` : text,
                title: text.length > 40 ? text : undefined,
              });
            }),
          ),
        ),
      ),
    ]);
    return table;
  }

  async function run(): Promise<void> {
    const query = editor.state.doc.toString().trim();
    if (!query) {
      status.className = 'console-status error';
      status.textContent = 'Write a query first, e.g. MATCH (n:Person) RETURN n LIMIT 25.';
      return;
    }
    queries = rememberQuery(query)(queries);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(queries));
    renderHistory();
    status.className = 'console-status';
    status.textContent = 'Running…';
    runButton.disabled = true;
    clear(results);
    try {
      const response = await app.api.cypher(query);
      const replace = mode.value === 'replace';
      const nodes = response.graph.nodes.length;
      let added = 0;
      if (nodes > 0)
        added = await app.applySubgraph(
          response.graph,
          replace ? 'replace' : 'add',
          replace ? 'Replace view with query results' : 'Add query results',
        );
      const parts = [
        `${response.rowCount} row${response.rowCount === 1 ? '' : 's'}${response.truncated ? ' (truncated)' : ''}`,
        `${response.elapsedMs} ms`,
        nodes
          ? replace
            ? `view replaced by ${nodes} nodes`
            : `${added} node${added === 1 ? '' : 's'} added to the view`
          : 'no node to draw',
      ];
      status.textContent = parts.join(' · ');
      if (response.rows.length) results.append(renderTable(response));
      else results.append(el('p', { className: 'hint', text: 'The query returned no rows.' }));
      if (response.rows.length > MAX_TABLE_ROWS)
        results.append(el('p', { className: 'hint small', text: `First ${MAX_TABLE_ROWS} rows shown.` }));
    } catch (error) {
      status.className = 'console-status error';
      status.textContent = cypherErrorMessage(error);
    } finally {
      runButton.disabled = false;
    }
  }

  const element = el('section', { className: 'console', attrs: { 'aria-label': 'Cypher console' } }, [
    el('div', { className: 'console-bar' }, [
      el('h2', { text: 'Cypher console' }),
      el('span', {
        className: 'hint small',
        text: 'Read-only. Nodes and relationships returned are drawn in the graph.',
      }),
      el('span', { className: 'spacer' }),
      historySelect,
      mode,
      runButton,
      button('Close', () => app.ui.update((s) => ({ ...s, consoleOpen: false })), { title: 'Close the console' }),
    ]),
    el('div', { className: 'console-body' }, [
      el('div', { className: 'console-editor' }, [editor.dom]),
      el('div', { className: 'console-output' }, [status, results]),
    ]),
  ]);
  renderHistory();
  return { element, editor, run, focus: () => editor.focus() };
}
