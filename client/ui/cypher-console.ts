/**
 * The Cypher console: the editor (cypher/console-editor.ts: completion from the database's schema, the
 * server's error marked where it is), Ctrl/Cmd+Enter to run, a history, and the answer in tabs: Graph (the
 * nodes and relationships drawn in the view, which frames them), Table and Text (relationships and paths
 * written as `(a)-[:TYPE]->(b)` with names), and Plan for a query sent as `EXPLAIN …`.
 */
import type { EditorView } from '@codemirror/view';
import type { CypherResponse, CypherSchema } from '../../graph/model/api-types';
import type { DossierApp } from '../app';
import { cypherErrorMessage, cypherErrorPosition } from '../api/api-error';
import { createConsoleEditor, markError } from '../cypher/console-editor';
import { planView } from '../cypher/plan-view';
import { parseStoredHistory, rememberQuery } from '../cypher/query-history';
import { resultText } from '../cypher/result-text';
import { cellTarget, namesOf, valueText } from '../cypher/result-values';
import { button, clear, el } from './dom';

const STORAGE_KEY = 'dossier.cypherHistory';
const MAX_TABLE_ROWS = 500;
export const EXAMPLE_QUERY = 'MATCH (p:Person)-[r]-(s:State)\nRETURN p, r, s\nLIMIT 50';

export type ResultTab = 'graph' | 'table' | 'text' | 'plan';
const TAB_LABELS: Record<ResultTab, string> = { graph: 'Graph', table: 'Table', text: 'Text', plan: 'Plan' };

export interface CypherConsole {
  element: HTMLElement;
  editor: EditorView;
  run(): Promise<void>;
  focus(): void;
}

/** The tabs an answer has: Graph only when it drew nodes, Plan only for an EXPLAIN. */
export function tabsFor(response: CypherResponse): ResultTab[] {
  if (response.plan) return ['plan', 'text'];
  return response.graph.nodes.length ? ['graph', 'table', 'text'] : ['table', 'text'];
}

/**
 * The tab an answer opens on: the one the user picked while answers have it, else the plan of an EXPLAIN,
 * else the table (the canvas above already draws the graph; the rows are what the console adds).
 */
export function openingTab(response: CypherResponse, picked: ResultTab | null): ResultTab {
  const tabs = tabsFor(response);
  if (picked && tabs.includes(picked)) return picked;
  return response.plan ? 'plan' : 'table';
}

export function createCypherConsole(app: DossierApp): CypherConsole {
  let queries = parseStoredHistory(localStorage.getItem(STORAGE_KEY));
  let schema: CypherSchema | null = null;
  let last: { response: CypherResponse; added: number; replaced: boolean } | null = null;
  let picked: ResultTab | null = null;
  const status = el('div', { className: 'console-status', attrs: { role: 'status' } });
  const tabBar = el('div', { className: 'console-tabs', attrs: { role: 'tablist', 'aria-label': 'Result views' } });
  const results = el('div', { className: 'console-results', attrs: { role: 'tabpanel' } });
  const mode = el('select', { attrs: { 'aria-label': 'Where the graph results go' } }, [
    el('option', { text: 'Add to the view', attrs: { value: 'add' } }),
    el('option', { text: 'Replace the view', attrs: { value: 'replace' } }),
  ]);
  const historySelect = el('select', { className: 'console-history', attrs: { 'aria-label': 'Query history' } });
  const runButton = button('Run  (Ctrl+Enter)', () => void run(), { className: 'primary' });

  const editor = createConsoleEditor({
    doc: queries[0] ?? EXAMPLE_QUERY,
    schema: () => schema,
    onRun: () => void run(),
  });

  /** Labels, types and keys change with imports: asked again each time the console opens. */
  async function loadSchema(): Promise<void> {
    try {
      schema = await app.api.schema();
    } catch {
      // Completion then offers keywords only; running queries still reports its own errors.
    }
  }
  app.ui.subscribe((state, previous) => {
    if (state.consoleOpen && !previous.consoleOpen) void loadSchema();
  });
  if (app.ui.get().consoleOpen) void loadSchema();

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

  /** A cell that is a node or a relationship selects it in the graph and brings the camera there. */
  function selectFromCell(target: { kind: 'node' | 'edge'; id: string }): void {
    if (target.kind === 'node') {
      if (!app.graph.hasNode(target.id)) return;
      app.select({ kind: 'node', id: target.id });
      app.graphView.focus(target.id);
    } else if (app.graph.hasEdge(target.id)) {
      app.select({ kind: 'edge', id: target.id });
    }
  }

  function renderTable(response: CypherResponse): HTMLElement {
    const nameOf = namesOf(response);
    const cell = (value: unknown): HTMLElement => {
      const text = valueText(value, nameOf);
      const target = cellTarget(value);
      const shown = text.length > 200 ? `${text.slice(0, 200)}…` : text;
      const td = el('td', { title: text.length > 40 ? text : undefined });
      if (target)
        td.append(
          button(shown, () => selectFromCell(target), {
            className: 'cell-link',
            title: `Select ${text} in the graph`,
            dataset: { kind: target.kind, id: target.id },
          }),
        );
      else td.textContent = shown;
      return td;
    };
    return el('table', { className: 'result-table' }, [
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
        response.rows.slice(0, MAX_TABLE_ROWS).map((row) => el('tr', {}, row.map(cell))),
      ),
    ]);
  }

  function renderGraphTab(response: CypherResponse, added: number, replaced: boolean): HTMLElement {
    const ids = response.graph.nodes.map((n) => n.id).filter((id) => app.graph.hasNode(id));
    const byType = new Map<string, number>();
    for (const node of response.graph.nodes) byType.set(node.type, (byType.get(node.type) ?? 0) + 1);
    const relations = response.graph.edges.length;
    return el('div', { className: 'console-graph' }, [
      el('p', {
        text:
          `${response.graph.nodes.length} node${response.graph.nodes.length === 1 ? '' : 's'} and ${relations} relationship${relations === 1 ? '' : 's'} ` +
          (replaced ? 'now make the view.' : `drawn in the view (${added} new).`),
      }),
      el(
        'ul',
        { className: 'console-graph-types' },
        [...byType].sort((a, b) => b[1] - a[1]).map(([type, count]) => el('li', { text: `${type}: ${count}` })),
      ),
      el('div', { className: 'console-graph-actions' }, [
        button('Fit them', () => void app.graphView.fit({ nodes: ids }), { title: 'Frame the result in the canvas' }),
        button('Select them', () => app.selectNodes(ids), { title: 'Select the result in the graph' }),
        button('Keep only them', () => app.keepOnly(ids), { title: 'Remove from the view all but the result' }),
      ]),
    ]);
  }

  function renderTabs(): void {
    clear(tabBar);
    clear(results);
    if (!last) return;
    const { response } = last;
    const tabs = tabsFor(response);
    const tab = openingTab(response, picked);
    for (const t of tabs) {
      const b = button(
        TAB_LABELS[t],
        () => {
          picked = t;
          renderTabs();
        },
        {
          className: t === tab ? 'active' : '',
          attrs: { role: 'tab', 'aria-selected': String(t === tab) },
          dataset: { tab: t },
        },
      );
      tabBar.append(b);
    }
    if (tab === 'plan' && response.plan) results.append(planView(response.plan));
    else if (tab === 'text')
      results.append(el('pre', { className: 'console-text', text: resultText(response, MAX_TABLE_ROWS) }));
    else if (tab === 'graph') results.append(renderGraphTab(response, last.added, last.replaced));
    else if (response.rows.length) {
      results.append(renderTable(response));
      if (response.rows.length > MAX_TABLE_ROWS)
        results.append(el('p', { className: 'hint small', text: `First ${MAX_TABLE_ROWS} rows shown.` }));
    } else results.append(el('p', { className: 'hint', text: 'The query returned no rows.' }));
  }

  async function run(): Promise<void> {
    const query = editor.state.doc.toString();
    if (!query.trim()) {
      status.className = 'console-status error';
      status.textContent = 'Write a query first, e.g. MATCH (n:Person) RETURN n LIMIT 25.';
      return;
    }
    queries = rememberQuery(query)(queries);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(queries));
    renderHistory();
    markError(editor, null);
    status.className = 'console-status';
    status.textContent = 'Running…';
    runButton.disabled = true;
    last = null;
    renderTabs();
    try {
      // Sent as typed, not trimmed: the server's error positions then count lines and columns of this text.
      const response = await app.api.cypher(query);
      const replace = mode.value === 'replace';
      const nodes = response.graph.nodes.length;
      let added = 0;
      if (nodes > 0) {
        added = await app.applySubgraph(
          response.graph,
          replace ? 'replace' : 'add',
          replace ? 'Replace view with query results' : 'Add query results',
        );
        // The result framed on screen, wherever it landed among what was already there.
        await app.graphView.fit({ nodes: response.graph.nodes.map((n) => n.id) });
      }
      const parts = response.plan
        ? ['Plan only: EXPLAIN does not run the query', `${response.elapsedMs} ms`]
        : [
            `${response.rowCount} row${response.rowCount === 1 ? '' : 's'}${response.truncated ? ' (truncated)' : ''}`,
            `${response.elapsedMs} ms`,
            nodes
              ? replace
                ? `view replaced by ${nodes} nodes`
                : `${added} node${added === 1 ? '' : 's'} added to the view`
              : 'no node to draw',
          ];
      status.textContent = parts.join(' · ');
      last = { response, added, replaced: replace };
      renderTabs();
    } catch (error) {
      const message = cypherErrorMessage(error);
      const position = cypherErrorPosition(error);
      status.className = 'console-status error';
      status.textContent = position ? `${message} (line ${position.line}, column ${position.column})` : message;
      if (position) markError(editor, { ...position, message });
    } finally {
      runButton.disabled = false;
    }
  }

  const element = el('section', { className: 'console', attrs: { 'aria-label': 'Cypher console' } }, [
    el('div', { className: 'console-bar' }, [
      el('h2', { text: 'Cypher console' }),
      el('span', {
        className: 'hint small',
        text: 'Read-only. Ctrl+Space completes labels, types and properties; EXPLAIN shows the plan.',
      }),
      el('span', { className: 'spacer' }),
      historySelect,
      mode,
      runButton,
      button('Close', () => app.ui.update((s) => ({ ...s, consoleOpen: false })), { title: 'Close the console' }),
    ]),
    el('div', { className: 'console-body' }, [
      el('div', { className: 'console-editor' }, [editor.dom]),
      el('div', { className: 'console-output' }, [status, tabBar, results]),
    ]),
  ]);
  renderHistory();
  return { element, editor, run, focus: () => editor.focus() };
}
