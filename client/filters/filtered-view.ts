/**
 * What the filters leave of the view graph: the nodes each filter hides on its own (type, documents),
 * then the date range on its lane, which also judges nodes by their links (timeline/time-lanes.ts). One
 * function, so the canvas, every count and the table agree on what is filtered out.
 */
import type { ViewGraph } from '../graph/view-graph';
import { nodePassesFilters, type FilterContext, type FilterState } from './filters';
import { applyTimeFilter, type TimeFilterResult } from '../timeline/time-lanes';

export interface FilteredView {
  out: Set<string>;
  /** What the filters other than the date range leave out: the timeline shows what is left of it. */
  outBeforeDates: Set<string>;
  /** What the date range did, when there is one. */
  time: TimeFilterResult | null;
}

export function filterView(graph: ViewGraph, filters: FilterState, context: FilterContext): FilteredView {
  const out = new Set<string>();
  graph.forEachNode((id, attributes) => {
    if (!nodePassesFilters(attributes.data, filters, context)) out.add(id);
  });
  if (!filters.dateRange) return { out, outBeforeDates: out, time: null };
  const outBeforeDates = new Set(out);
  const time = applyTimeFilter(graph, filters.dateRange, filters.dateLane, (id) => !outBeforeDates.has(id));
  for (const id of time.out) out.add(id);
  return { out, outBeforeDates, time };
}

/** The edges drawn between visible nodes, their relation type not filtered out. */
export function visibleEdgeIds(graph: ViewGraph, visibleNodes: ReadonlySet<string>, filters: FilterState): string[] {
  return graph.filterEdges(
    (_id, a, source, target) =>
      visibleNodes.has(source) && visibleNodes.has(target) && !filters.hiddenRelationTypes.includes(a.data.type),
  );
}
