/**
 * Keeps the metrics store in step with the visible graph while the appearance needs metrics: computed in
 * the worker after the graph, the hidden nodes or the filters change (debounced: an expansion adds many
 * nodes at once), with a plain message when there is nothing to measure.
 */
import { plainMessage } from '../api/api-error';
import { needsMetrics, type AppearanceState } from '../appearance/appearance-state';
import type { FilterState } from '../filters/filters';
import type { ViewGraph } from '../graph/view-graph';
import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';
import type { MetricsResult } from './compute-metrics';
import { createMetricsRunner } from './metrics-runner';
import { visibleEdgeIds } from '../filters/filtered-view';

/** The metrics of the visible graph, computed when the appearance needs them. */
export interface MetricsState {
  status: 'idle' | 'computing' | 'ready' | 'error';
  result: MetricsResult | null;
  message: string | null;
}

export const INITIAL_METRICS: MetricsState = { status: 'idle', result: null, message: null };

/** What there is to say about a result besides its numbers. */
export function metricsMessage(nodes: number, edges: number): string | null {
  if (nodes <= 1) return `${nodes ? 'One node' : 'No node'} in view: every metric is the same for all of it.`;
  if (edges === 0) return 'No relation between the nodes in view: every node is its own community.';
  return null;
}

export function syncMetrics(deps: {
  graph: ViewGraph;
  view: Store<ViewState>;
  filters: Store<FilterState>;
  appearance: Store<AppearanceState>;
  metrics: Store<MetricsState>;
  visibleNodeIds: () => string[];
}): { compute(): Promise<void> } {
  const { graph, view, filters, appearance, metrics } = deps;
  const runner = createMetricsRunner();
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function compute(): Promise<void> {
    const nodes = deps.visibleNodeIds();
    const visible = new Set(nodes);
    const edges = visibleEdgeIds(graph, visible, filters.get()).map((e) => graph.extremities(e));
    metrics.update((m) => ({ ...m, status: 'computing' }));
    try {
      const result = await runner.compute({ nodes, edges });
      if (!result) return; // a newer request is on its way
      metrics.update(() => ({ status: 'ready', result, message: metricsMessage(nodes.length, edges.length) }));
    } catch (error) {
      metrics.update(() => ({ status: 'error', result: null, message: plainMessage(error) }));
    }
  }

  function schedule(): void {
    clearTimeout(timer);
    if (!needsMetrics(appearance.get())) return;
    timer = setTimeout(() => void compute(), 200);
  }

  appearance.subscribe(schedule);
  for (const event of ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared'] as const)
    graph.on(event, schedule);
  view.subscribe((s, p) => s.hidden !== p.hidden && schedule());
  filters.subscribe(schedule);
  return { compute };
}
