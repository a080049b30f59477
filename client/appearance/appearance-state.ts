/**
 * How nodes are sized and coloured: by degree (the default) or a metric, by type (the default) or by
 * community. Display only: the reducers apply it, the graph keeps its rendering attributes.
 */
import type { Metric, MetricsResult } from '../metrics/compute-metrics';
import { MAX_NODE_SIZE, MIN_NODE_SIZE } from './node-style';

export interface AppearanceState {
  sizeBy: Metric;
  colourBy: 'type' | 'community';
}

export const INITIAL_APPEARANCE: AppearanceState = { sizeBy: 'degree', colourBy: 'type' };

export const setSizeBy =
  (sizeBy: Metric) =>
  (state: AppearanceState): AppearanceState =>
    state.sizeBy === sizeBy ? state : { ...state, sizeBy };

export const setColourBy =
  (colourBy: AppearanceState['colourBy']) =>
  (state: AppearanceState): AppearanceState =>
    state.colourBy === colourBy ? state : { ...state, colourBy };

/** Whether the appearance needs the metrics computed (degree sizing and type colours do not). */
export function needsMetrics(state: AppearanceState): boolean {
  return state.sizeBy !== 'degree' || state.colourBy === 'community';
}

/** Sizes from a metric: the square root of its share of the largest value, between the node size bounds. */
export function metricSizes(values: Readonly<Record<string, number>>): Map<string, number> {
  const max = Math.max(0, ...Object.values(values));
  const sizes = new Map<string, number>();
  for (const [id, value] of Object.entries(values)) {
    const ratio = max > 0 && value > 0 ? Math.sqrt(value / max) : 0;
    sizes.set(id, MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * ratio);
  }
  return sizes;
}

/** Twelve colours told apart at a glance (Tableau 10 and two more); larger communities get the first. */
export const COMMUNITY_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#86bc86',
  '#d37295',
  '#a0cbe8',
];
/** Communities past the palette share one grey: a 40th colour would not be told apart anyway. */
export const OTHER_COMMUNITY_COLOUR = '#bab0ac';

export function communityColour(community: number): string {
  return COMMUNITY_COLOURS[community] ?? OTHER_COMMUNITY_COLOUR;
}

export function communityColours(communities: Readonly<Record<string, number>>): Map<string, string> {
  return new Map(Object.entries(communities).map(([id, c]) => [id, communityColour(c)]));
}

/** A metric's value in a legend: whole numbers as they are, others to two significant digits. */
export function formatMetricValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(2);
}

/** The legend of what the appearance shows: the metric's range, the communities and their sizes. */
export function appearanceLegend(
  state: AppearanceState,
  result: MetricsResult | null,
): { size: { min: number; max: number } | null; communities: Array<{ colour: string; count: number; label: string }> } {
  const values = result && state.sizeBy !== 'degree' ? Object.values(result.values[state.sizeBy]) : [];
  const size = values.length ? { min: Math.min(...values), max: Math.max(...values) } : null;
  const communities: Array<{ colour: string; count: number; label: string }> = [];
  if (result && state.colourBy === 'community') {
    const counts = new Map<number, number>();
    for (const c of Object.values(result.communities)) counts.set(c, (counts.get(c) ?? 0) + 1);
    const sorted = [...counts.entries()].sort((a, b) => a[0] - b[0]);
    for (const [c, count] of sorted.slice(0, COMMUNITY_COLOURS.length))
      communities.push({ colour: communityColour(c), count, label: `Community ${c + 1}` });
    const rest = sorted.slice(COMMUNITY_COLOURS.length).reduce((sum, [, count]) => sum + count, 0);
    if (rest) communities.push({ colour: OTHER_COMMUNITY_COLOUR, count: rest, label: 'Smaller communities' });
  }
  return { size, communities };
}
