/**
 * The data table, a drawer at the foot of the canvas: the nodes or the relations in view, as the filters
 * and hiding leave them, sorted by any column and filtered per column, exported as CSV of what it shows.
 * It follows the graph's selection (the row is highlighted and scrolled into sight) and leads it (a row
 * clicked is selected in the graph and the camera goes there). Only the rows in sight are in the DOM, so a
 * few thousand rows scroll as smoothly as ten.
 */
import './table.css';
import type { DossierApp } from '../app';
import { visibleEdgeIds } from '../filters/filtered-view';
import { createStore } from '../state/store';
import { button, clear, downloadBlob, el } from '../ui/dom';
import {
  TABLE_KINDS,
  filterRows,
  nodeColumns,
  nodeRow,
  relationColumns,
  relationRow,
  scrollToRow,
  sortRows,
  tableCsv,
  visibleWindow,
  type CellValue,
  type Column,
  type Row,
  type SortOrder,
  type TableKind,
} from './table-model';

const ROW_HEIGHT = 28;

interface TableState {
  open: boolean;
  kind: TableKind;
  sort: Record<TableKind, SortOrder>;
  filters: Record<TableKind, Record<string, string>>;
}

const INITIAL: TableState = {
  open: false,
  kind: 'nodes',
  sort: { nodes: { key: 'degree', descending: true }, relations: { key: 'sources', descending: true } },
  filters: { nodes: {}, relations: {} },
};

const KIND_WORDS: Record<TableKind, { title: string; one: string; many: string }> = {
  nodes: { title: 'Nodes', one: 'node', many: 'nodes' },
  relations: { title: 'Relations', one: 'relation', many: 'relations' },
};

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 4 });

function cellText(value: CellValue): string {
  if (value === null) return '';
  return typeof value === 'number' ? numberFormat.format(value) : value;
}

export interface TablePanel {
  element: HTMLElement;
  button: HTMLButtonElement;
  toggle(): void;
}

export function createTablePanel(app: DossierApp): TablePanel {
  const state = createStore<TableState>(INITIAL);
  let columns: Column[] = [];
  let all: Row[] = []; // every row in view, before the table's own filters
  let shown: Row[] = []; // filtered and sorted: what the table shows
  let indexOf = new Map<string, number>();
  let fromTable = false; // a row was clicked: the selection need not scroll the table

  const tabs = el('div', { className: 'table-tabs', attrs: { role: 'group', 'aria-label': 'Table of' } });
  const count = el('span', { className: 'table-count', attrs: { 'aria-live': 'polite' } });
  const head = el('div', { className: 'table-head', attrs: { role: 'rowgroup' } });
  const rowsLayer = el('div', { className: 'table-rows', attrs: { role: 'rowgroup' } });
  const spacer = el('div', { className: 'table-spacer' }, [rowsLayer]);
  const scroller = el('div', { className: 'table-scroll', attrs: { role: 'table', 'aria-label': 'Data table' } }, [
    head,
    spacer,
  ]);
  const selectShown = button('Select these', () => app.selectNodes(shown.map((r) => r.id)), {
    className: 'small',
    title: 'Select in the graph every node the table shows',
  });
  const exportButton = button('Export CSV', () => exportCsv(), {
    className: 'small',
    title: 'Download what the table shows (filtered and sorted) as CSV',
  });
  const element = el('section', { className: 'data-table', attrs: { 'aria-label': 'Data table' } }, [
    el('div', { className: 'table-bar' }, [
      el('h2', { text: 'Table' }),
      tabs,
      count,
      el('span', { className: 'spacer' }),
      selectShown,
      exportButton,
      button('Close', () => state.update((s) => ({ ...s, open: false })), { className: 'small' }),
    ]),
    scroller,
  ]);
  const toolbarButton = button('Table', () => panel.toggle(), {
    title: 'A table of the nodes and relations in view',
  });

  /** Recomputes every row from the graph: after the graph, the filters, the hiding or the metrics change. */
  function computeRows(): void {
    const { kind } = state.get();
    const visible = new Set(app.visibleNodeIds());
    const edges = visibleEdgeIds(app.graph, visible, app.filters.get());
    if (kind === 'nodes') {
      const metrics = app.metrics.get().result;
      columns = nodeColumns(metrics);
      const degree = new Map<string, number>();
      for (const e of edges) for (const end of app.graph.extremities(e)) degree.set(end, (degree.get(end) ?? 0) + 1);
      all = [...visible].map((id) => nodeRow(app.graph.getNodeAttribute(id, 'data'), degree.get(id) ?? 0, metrics));
    } else {
      columns = relationColumns();
      const name = (id: string) => app.graph.getNodeAttribute(id, 'data').name;
      all = edges.map((e) =>
        relationRow(app.graph.getEdgeAttribute(e, 'data'), name(app.graph.source(e)), name(app.graph.target(e))),
      );
    }
    arrangeRows();
  }

  /** Applies the table's own filters and sort to the rows. */
  function arrangeRows(): void {
    const s = state.get();
    const sort = columns.some((c) => c.key === s.sort[s.kind].key)
      ? s.sort[s.kind]
      : { key: 'name', descending: false };
    shown = sortRows(filterRows(all, columns, s.filters[s.kind]), sort);
    indexOf = new Map(shown.map((r, i) => [r.id, i]));
    const words = KIND_WORDS[s.kind];
    count.textContent =
      shown.length === all.length
        ? `${all.length} ${all.length === 1 ? words.one : words.many}`
        : `${shown.length} of ${all.length} ${words.many}`;
    selectShown.hidden = s.kind !== 'nodes';
    selectShown.disabled = shown.length === 0;
    exportButton.disabled = shown.length === 0;
    spacer.style.height = `${shown.length * ROW_HEIGHT}px`;
    renderHead();
    renderWindow();
  }

  /** Fixed widths, so that the header and every row line up whatever their content. */
  function template(): string {
    return columns
      .map((c) => (['name', 'source', 'target'].includes(c.key) ? '220px' : c.kind === 'text' ? '150px' : '110px'))
      .join(' ');
  }

  function renderTabs(): void {
    clear(tabs);
    for (const kind of TABLE_KINDS) {
      tabs.append(
        button(KIND_WORDS[kind].title, () => state.update((s) => ({ ...s, kind })), {
          className: 'small',
          attrs: { 'aria-pressed': String(state.get().kind === kind) },
        }),
      );
    }
  }

  // The filter inputs stay the same elements while typing: only the header's sort marks are redrawn.
  let headKey = '';
  function renderHead(): void {
    const s = state.get();
    const sort = s.sort[s.kind];
    const key = `${s.kind}:${columns.map((c) => c.key).join()}`;
    scroller.style.setProperty('--columns', template());
    if (key !== headKey) {
      headKey = key;
      clear(head);
      const labels = el('div', { className: 'table-row table-labels', attrs: { role: 'row' } });
      const inputs = el('div', { className: 'table-row table-filters', attrs: { role: 'row' } });
      for (const column of columns) {
        labels.append(
          el('div', { attrs: { role: 'columnheader' }, dataset: { key: column.key } }, [
            button(column.label, () => sortBy(column.key), { className: 'sort', title: `Sort by ${column.label}` }),
          ]),
        );
        const input = el('input', {
          attrs: {
            type: 'search',
            'aria-label': `Filter ${column.label}`,
            placeholder: column.kind === 'text' ? 'contains…' : column.kind === 'number' ? '>3, 2..5' : '2024, >2023',
          },
        });
        input.value = s.filters[s.kind][column.key] ?? '';
        input.addEventListener('input', () =>
          state.update((t) => ({
            ...t,
            filters: { ...t.filters, [t.kind]: { ...t.filters[t.kind], [column.key]: input.value } },
          })),
        );
        inputs.append(el('div', { attrs: { role: 'cell' } }, [input]));
      }
      head.append(labels, inputs);
    }
    for (const cell of head.querySelectorAll<HTMLElement>('[role=columnheader]')) {
      const sorted = cell.dataset.key === sort.key;
      cell.setAttribute('aria-sort', sorted ? (sort.descending ? 'descending' : 'ascending') : 'none');
      cell.classList.toggle('sorted', sorted);
    }
  }

  function sortBy(key: string): void {
    state.update((s) => {
      const current = s.sort[s.kind];
      const column = columns.find((c) => c.key === key);
      const descending = current.key === key ? !current.descending : column?.kind === 'number';
      return { ...s, sort: { ...s.sort, [s.kind]: { key, descending } } };
    });
  }

  function isSelected(id: string): boolean {
    const v = app.view.get();
    if (state.get().kind === 'relations') return v.selection?.kind === 'edge' && v.selection.id === id;
    return (v.selection?.kind === 'node' && v.selection.id === id) || v.selectedNodes.includes(id);
  }

  function renderWindow(): void {
    if (!state.get().open) return;
    const { start, end } = visibleWindow(
      scroller.scrollTop,
      scroller.clientHeight - head.offsetHeight,
      ROW_HEIGHT,
      shown.length,
    );
    rowsLayer.style.transform = `translateY(${start * ROW_HEIGHT}px)`;
    const rows: HTMLElement[] = [];
    for (let i = start; i < end; i++) {
      const row = shown[i];
      const selected = isSelected(row.id);
      const element = el(
        'div',
        {
          className: `table-row${selected ? ' selected' : ''}`,
          attrs: { role: 'row', 'aria-selected': String(selected), 'aria-rowindex': String(i + 1) },
          dataset: { id: row.id },
        },
        columns.map((c) => {
          const text = cellText(row.cells[c.key] ?? null);
          return el('div', { className: `cell ${c.kind}`, text, title: text, attrs: { role: 'cell' } });
        }),
      );
      rows.push(element);
    }
    rowsLayer.replaceChildren(...rows);
  }

  rowsLayer.addEventListener('click', (event) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('.table-row');
    const id = row?.dataset.id;
    if (!id) return;
    fromTable = true;
    if (state.get().kind === 'relations') {
      if (!app.graph.hasEdge(id)) return;
      app.select({ kind: 'edge', id });
      app.graphView.focus(app.graph.source(id));
    } else if (event.shiftKey) app.toggleSelected(id);
    else {
      app.select({ kind: 'node', id });
      app.graphView.focus(id);
    }
    fromTable = false;
  });

  /** ↑ and ↓ select the row above or below (the graph follows); Enter brings the camera to it. */
  scroller.tabIndex = 0;
  scroller.addEventListener('keydown', (event) => {
    if (event.target !== scroller || !shown.length) return;
    const selection = app.view.get().selection;
    const at = selection ? indexOf.get(selection.id) : undefined;
    const kind = state.get().kind === 'relations' ? 'edge' : 'node';
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = at === undefined ? 0 : Math.min(shown.length - 1, Math.max(0, at + step));
      app.select({ kind, id: shown[next].id });
    } else if (event.key === 'Enter' && at !== undefined) {
      const id = shown[at].id;
      app.graphView.focus(kind === 'edge' ? app.graph.source(id) : id);
    }
  });

  /** Brings the selected row into sight, unless the table itself made the selection. */
  function revealSelection(): void {
    const selection = app.view.get().selection;
    if (!selection || fromTable) return;
    const index = indexOf.get(selection.id);
    if (index === undefined) return;
    const top = scrollToRow(index, scroller.scrollTop, scroller.clientHeight - head.offsetHeight, ROW_HEIGHT);
    if (top !== null) scroller.scrollTop = top;
  }

  function exportCsv(): void {
    const kind = state.get().kind;
    downloadBlob(new Blob([tableCsv(columns, shown)], { type: 'text/csv;charset=utf-8' }), `dossier-${kind}.csv`);
  }

  function applyOpen(open: boolean): void {
    element.hidden = !open;
    toolbarButton.classList.toggle('active', open);
    toolbarButton.setAttribute('aria-pressed', String(open));
    document.getElementById('app')?.classList.toggle('table-open', open);
    // the canvas got shorter or taller: sigma measures it again
    app.graphView.sigma.resize();
    app.graphView.sigma.refresh();
  }

  // Rows are recomputed at most once a frame, whatever changed.
  let scheduled = false;
  function schedule(): void {
    if (scheduled || !state.get().open) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      computeRows();
      revealSelection();
    });
  }

  state.subscribe((s, previous) => {
    if (s.open !== previous.open) {
      applyOpen(s.open);
      // the console and the table share the foot of the canvas
      if (s.open && app.ui.get().consoleOpen) app.ui.update((u) => ({ ...u, consoleOpen: false }));
    }
    if (s.kind !== previous.kind) {
      renderTabs();
      scroller.scrollTop = 0;
    }
    if (!s.open) return;
    if (s.open !== previous.open || s.kind !== previous.kind) {
      computeRows();
      revealSelection();
    } else arrangeRows();
  });
  for (const event of ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared'] as const)
    app.graph.on(event, schedule);
  app.filters.subscribe(schedule);
  app.metrics.subscribe((m, previous) => m.result !== previous.result && schedule());
  app.view.subscribe((v, previous) => {
    if (v.hidden !== previous.hidden) schedule();
    if (v.selection !== previous.selection || v.selectedNodes !== previous.selectedNodes) {
      renderWindow();
      revealSelection();
    }
  });
  app.ui.subscribe((u, previous) => {
    if (u.consoleOpen && !previous.consoleOpen && state.get().open) state.update((s) => ({ ...s, open: false }));
  });
  scroller.addEventListener('scroll', () => renderWindow(), { passive: true });
  new ResizeObserver(() => renderWindow()).observe(scroller);

  renderTabs();
  element.hidden = true;
  const panel: TablePanel = {
    element,
    button: toolbarButton,
    toggle: () => state.update((s) => ({ ...s, open: !s.open })),
  };
  return panel;
}
