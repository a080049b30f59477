/** Captures the explorer's current view as a saved-view body, and opens a saved view in the explorer. */
import type { Camera, SavedView } from '../../graph/workshop/types';
import type { DossierApp } from '../app';
import { EMPTY_FILTERS, type FilterState } from '../filters/filters';
import { select } from '../state/view-state';
import type { ViewBody } from './workshop-api';

export function captureView(app: DossierApp, name: string): ViewBody {
  const nodeIds = app.graph.nodes();
  const positions: Record<string, { x: number; y: number }> = {};
  for (const id of nodeIds) {
    const { x, y } = app.graph.getNodeAttributes(id);
    positions[id] = { x, y };
  }
  const c = app.graphView.sigma.getCamera().getState();
  return {
    name,
    nodeIds,
    positions,
    camera: { x: c.x, y: c.y, ratio: c.ratio, angle: c.angle },
    filters: app.filters.get() as unknown as Record<string, unknown>,
  };
}

export function applyCamera(app: DossierApp, camera: Camera | null): void {
  if (camera) app.graphView.sigma.getCamera().setState(camera);
}

/** Replaces the graph by the view's nodes at their saved positions, with its filters and camera. */
export async function openView(app: DossierApp, view: SavedView, selection: string[] = []): Promise<void> {
  app.graph.clear();
  await app.loadNodes(view.nodeIds);
  for (const [id, position] of Object.entries(view.positions)) {
    if (app.graph.hasNode(id)) app.graph.mergeNodeAttributes(id, position);
  }
  app.filters.update(() => ({ ...EMPTY_FILTERS, ...(view.filters as Partial<FilterState>) }));
  const selected = selection.find((id) => app.graph.hasNode(id));
  app.view.update(select(selected ? { kind: 'node', id: selected } : null));
  app.graphView.sigma.refresh();
  applyCamera(app, view.camera);
}
