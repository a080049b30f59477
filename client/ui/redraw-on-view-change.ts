/**
 * Panels that summarise the view (the sidebar's legend and counts, the timelines) draw again once per
 * frame after anything they count changes: the graph, the filters or the hidden nodes.
 */
import type { DossierApp } from '../app';

export function redrawOnViewChange(app: Pick<DossierApp, 'graph' | 'filters' | 'view'>, draw: () => void): void {
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      draw();
    });
  };
  for (const event of ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared'] as const)
    app.graph.on(event, schedule);
  app.filters.subscribe(schedule);
  app.view.subscribe((state, previous) => state.hidden !== previous.hidden && schedule());
}
