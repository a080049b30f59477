/**
 * The data table of what is in view: one row per visible node or relation, columns that sort and filter,
 * the window of rows to draw, and the CSV of what the table shows. Pure and DOM-free; the panel
 * (table-panel.ts) draws it.
 */
import { csvCell } from '../../graph/export/csv';
import type { GraphEdge, GraphNode } from '../../graph/model/api-types';
import { relationLabel } from '../appearance/node-style';
import { eventDate } from '../filters/filters';
import { METRICS, METRIC_LABELS, type MetricsResult } from '../metrics/compute-metrics';
import { reportLagDays, reportedDates } from '../timeline/time-lanes';

export const TABLE_KINDS = ['nodes', 'relations'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export type CellValue = string | number | null;

export interface Row {
  id: string;
  cells: Record<string, CellValue>;
}

export interface Column {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'date';
}

const NODE_COLUMNS: Column[] = [
  { key: 'name', label: 'Name', kind: 'text' },
  { key: 'type', label: 'Type', kind: 'text' },
  { key: 'degree', label: 'Degree', kind: 'number' },
];
const NODE_DATE_COLUMNS: Column[] = [
  { key: 'sources', label: 'Sources', kind: 'number' },
  { key: 'happened', label: 'Happened', kind: 'date' },
  { key: 'reported', label: 'First reported', kind: 'date' },
  { key: 'lag', label: 'Lag (days)', kind: 'number' },
];
const RELATION_COLUMNS: Column[] = [
  { key: 'type', label: 'Relation', kind: 'text' },
  { key: 'source', label: 'From', kind: 'text' },
  { key: 'target', label: 'To', kind: 'text' },
  { key: 'sources', label: 'Sources', kind: 'number' },
  { key: 'confidence', label: 'Confidence', kind: 'number' },
  { key: 'date', label: 'Date', kind: 'date' },
];

/** The node columns: the computed metrics (degree aside, which the table always has) only once computed. */
export function nodeColumns(metrics: MetricsResult | null): Column[] {
  const computed: Column[] = metrics
    ? [
        ...METRICS.filter((m) => m !== 'degree').map((m) => ({
          key: m,
          label: METRIC_LABELS[m],
          kind: 'number' as const,
        })),
        { key: 'community', label: 'Community', kind: 'number' },
      ]
    : [];
  return [...NODE_COLUMNS, ...computed, ...NODE_DATE_COLUMNS];
}

export function relationColumns(): Column[] {
  return RELATION_COLUMNS;
}

/** A row per node: `degree` counts the relations drawn in view. */
export function nodeRow(node: GraphNode, degree: number, metrics: MetricsResult | null): Row {
  const cells: Record<string, CellValue> = {
    name: node.name,
    type: node.type,
    degree,
    sources: node.sources ?? null,
    happened: eventDate(node),
    reported: reportedDates(node)[0] ?? null,
    lag: reportLagDays(node),
  };
  if (metrics) {
    for (const m of METRICS) if (m !== 'degree') cells[m] = metrics.values[m][node.id] ?? null;
    cells.community = metrics.communities[node.id] ?? null;
  }
  return { id: node.id, cells };
}

export function relationRow(edge: GraphEdge, sourceName: string, targetName: string): Row {
  const date = edge.attributes.date ?? edge.attributes.year ?? null;
  return {
    id: edge.id,
    cells: {
      type: relationLabel(edge.type),
      source: sourceName,
      target: targetName,
      sources: edge.evidenceCount ?? null,
      confidence: edge.confidence ?? null,
      date: typeof date === 'string' || typeof date === 'number' ? String(date) : null,
    },
  };
}

export interface SortOrder {
  key: string;
  descending: boolean;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Sorted by one column, empty cells last whichever way, ties by id so that the order is stable. */
export function sortRows(rows: readonly Row[], order: SortOrder): Row[] {
  const sign = order.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a.cells[order.key] ?? null;
    const y = b.cells[order.key] ?? null;
    if (x === null || y === null) return x === y ? a.id.localeCompare(b.id) : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return c ? sign * c : a.id.localeCompare(b.id);
  });
}

/**
 * Does a cell pass its column's filter? Text: contains, case and accents aside. Numbers and dates also
 * take a comparison (">3", "<=0.5", "2023..2024", "-" for empty); a date otherwise matches by its start
 * ("2024" matches "2024-06-19").
 */
export function cellMatches(value: CellValue, filter: string, kind: Column['kind']): boolean {
  const query = filter.trim();
  if (!query) return true;
  if (query === '-') return value === null;
  if (value === null) return false;
  if (kind !== 'text') {
    const between = /^(\S+)\s*\.\.\s*(\S+)$/.exec(query);
    const compare = /^(<=|>=|<|>|=)\s*(\S+)$/.exec(query);
    const order = (a: CellValue, b: string) =>
      kind === 'number' ? Number(a) - Number(b) : String(a).slice(0, b.length).localeCompare(b);
    if (between) return order(value, between[1]) >= 0 && order(value, between[2]) <= 0;
    if (compare) {
      const c = order(value, compare[2]);
      if (kind === 'number' && Number.isNaN(c)) return false;
      return { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '=': c === 0 }[compare[1] as '<'];
    }
    if (kind === 'date') return String(value).startsWith(query);
    if (kind === 'number' && !Number.isNaN(Number(query))) return Number(value) === Number(query);
  }
  return fold(String(value)).includes(fold(query));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function filterRows(rows: readonly Row[], columns: readonly Column[], filters: Record<string, string>): Row[] {
  const active = columns.filter((c) => (filters[c.key] ?? '').trim() !== '');
  if (!active.length) return [...rows];
  return rows.filter((row) => active.every((c) => cellMatches(row.cells[c.key] ?? null, filters[c.key], c.kind)));
}

/** The rows to draw for a scroll position: those in sight and `overscan` on each side. */
export function visibleWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = 8,
): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inSight = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  return { start: Math.max(0, first - overscan), end: Math.min(total, first + inSight + overscan) };
}

/** The scroll position that brings a row into sight, or null when it already is. */
export function scrollToRow(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number | null {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return null;
}

/** The CSV of the rows as shown (filtered and sorted), one header row of the column labels. */
export function tableCsv(columns: readonly Column[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvCell(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row.cells[c.key] ?? null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
