/**
 * Filters: which node types, relation types, documents and dates stay visible. Pure state and
 * predicates; the renderer applies them through reducers, so filtering never changes the graph. The date
 * range acts on one of two lanes, when things happened or when they were reported
 * (timeline/time-lanes.ts); filtered-view.ts puts the two together.
 */
import type { GraphEdge, GraphNode } from '../../graph/model/api-types';

export interface DateRange {
  from: string; // inclusive, "YYYY" or "YYYY-MM" or "YYYY-MM-DD"
  to: string; // inclusive, same forms
}

/** The two timelines: when an event happened (its date in the text), when it was reported (published). */
export const DATE_LANES = ['happened', 'reported'] as const;
export type DateLane = (typeof DATE_LANES)[number];

export interface FilterState {
  hiddenNodeTypes: string[];
  hiddenRelationTypes: string[];
  documents: string[]; // when non-empty, only entities mentioned in these documents stay
  dateRange: DateRange | null; // on the dates of `dateLane`
  dateLane: DateLane;
}

export const EMPTY_FILTERS: FilterState = {
  hiddenNodeTypes: [],
  hiddenRelationTypes: [],
  documents: [],
  dateRange: null,
  dateLane: 'happened',
};

export function isFiltering(filters: FilterState): boolean {
  return (
    filters.hiddenNodeTypes.length > 0 ||
    filters.hiddenRelationTypes.length > 0 ||
    filters.documents.length > 0 ||
    filters.dateRange !== null
  );
}

function toggle(list: string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value].sort();
}

export const toggleNodeType =
  (type: string) =>
  (state: FilterState): FilterState => ({ ...state, hiddenNodeTypes: toggle(state.hiddenNodeTypes, type) });

export const toggleRelationType =
  (type: string) =>
  (state: FilterState): FilterState => ({ ...state, hiddenRelationTypes: toggle(state.hiddenRelationTypes, type) });

export const toggleDocument =
  (documentId: string) =>
  (state: FilterState): FilterState => ({ ...state, documents: toggle(state.documents, documentId) });

/** A date range on a lane (the current one when not given), or none. */
export const setDateRange =
  (range: DateRange | null, lane?: DateLane) =>
  (state: FilterState): FilterState => {
    if (range && range.from > range.to) range = { from: range.to, to: range.from };
    return { ...state, dateRange: range, dateLane: lane ?? state.dateLane };
  };

export const clearFilters = () => (): FilterState => EMPTY_FILTERS;

/** The date of an Event as "YYYY[-MM[-DD]]", or null when it has none we can read. */
export function eventDate(node: GraphNode): string | null {
  if (node.type !== 'Event') return null;
  for (const key of ['date', 'startDate', 'start', 'year']) {
    const value = node.attributes?.[key];
    if (typeof value === 'number' && Number.isInteger(value)) return String(value).padStart(4, '0');
    if (typeof value === 'string') {
      const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value.trim());
      if (match) return [match[1], match[2], match[3]].filter(Boolean).join('-');
    }
  }
  return null;
}

/** Is a (possibly partial) date within the range? Partial dates compare on their common precision. */
export function dateInRange(date: string, range: DateRange): boolean {
  const clip = (a: string, b: string) => a.slice(0, Math.min(a.length, b.length));
  return clip(date, range.from) >= clip(range.from, date) && clip(date, range.to) <= clip(range.to, date);
}

/** Context computed once per filter change: entities mentioned in the chosen documents. */
export interface FilterContext {
  documentEntities: Set<string> | null; // null = no document filter, or not loaded yet
}

/** The filters a node passes on its own: type and documents (dates depend on its links: filtered-view.ts). */
export function nodePassesFilters(node: GraphNode, filters: FilterState, context: FilterContext): boolean {
  if (filters.hiddenNodeTypes.includes(node.type)) return false;
  if (filters.documents.length > 0) {
    if (node.type === 'Document') {
      if (!filters.documents.includes(node.id)) return false;
    } else if (context.documentEntities && !context.documentEntities.has(node.id)) return false;
  }
  return true;
}

export function edgePassesFilters(edge: GraphEdge, filters: FilterState): boolean {
  return !filters.hiddenRelationTypes.includes(edge.type);
}

export interface HistogramBin {
  key: string; // "YYYY" or "YYYY-MM"
  count: number;
}

/**
 * Counts dates per year, or per month when they all fall within three years; empty bins in between are
 * kept so the timeline's x axis is linear.
 */
export function dateHistogram(dates: string[]): { unit: 'year' | 'month'; bins: HistogramBin[] } {
  const valid = dates.filter((d) => /^\d{4}/.test(d)).sort();
  if (valid.length === 0) return { unit: 'year', bins: [] };
  const firstYear = Number(valid[0].slice(0, 4));
  const lastYear = Number(valid[valid.length - 1].slice(0, 4));
  const unit = lastYear - firstYear < 3 && valid.some((d) => d.length >= 7) ? 'month' : 'year';
  const keys: string[] = [];
  if (unit === 'year') {
    for (let y = firstYear; y <= lastYear; y++) keys.push(String(y).padStart(4, '0'));
  } else {
    for (let y = firstYear; y <= lastYear; y++) {
      for (let m = 1; m <= 12; m++) keys.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    }
  }
  const counts = new Map(keys.map((k) => [k, 0]));
  for (const date of valid) {
    const key = unit === 'year' ? date.slice(0, 4) : date.length >= 7 ? date.slice(0, 7) : `${date.slice(0, 4)}-01`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let bins = keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
  if (unit === 'month') {
    const first = bins.findIndex((b) => b.count > 0);
    let last = bins.length - 1;
    while (last > first && bins[last].count === 0) last--;
    bins = bins.slice(first, last + 1);
  }
  return { unit, bins };
}
