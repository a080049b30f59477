/**
 * Brings what an import changed into the view without losing it: positions, selection, camera, hidden
 * nodes and filters stay. Entities already in view take their new names, relations between them appear or
 * thicken with their new evidence, and a new entity joins only when it is related to something in view
 * (placed next to it, no new layout); the others are offered in the "What changed" panel. A graph that was
 * empty is loaded afresh instead.
 */
import type { ImportChangesResponse } from '../../graph/model/api-types';
import type { DossierApp } from '../app';
import { mergeSubgraph, refreshRendering } from '../graph/view-graph';
import { newEntityIds, touchedEntityIds } from './changes-view';

/** More than this many entities asked for at once would be a slow answer for a live refresh. */
const MAX_ASKED = 2000;

export interface ShownImport {
  /** New entities added to the view. */
  added: number;
  /** New entities left out of the view, not related to anything in it. */
  offered: number;
}

export async function showImported(
  app: Pick<DossierApp, 'api' | 'graph' | 'graphView'>,
  changes: ImportChangesResponse,
  reload: () => Promise<void>,
): Promise<ShownImport> {
  const fresh = newEntityIds(changes);
  if (app.graph.order === 0) {
    if (fresh.length) await reload();
    return { added: fresh.filter((id) => app.graph.hasNode(id)).length, offered: 0 };
  }
  const asked = touchedEntityIds(changes).slice(0, MAX_ASKED);
  if (!asked.length) return { added: 0, offered: 0 };
  const subgraph = await app.api.subgraph(asked, app.graph.nodes());
  const loaded = new Set(app.graph.nodes());
  // Each new entity is placed next to a loaded one it is related to; one related to nothing in view waits.
  const anchorOf = new Map<string, string>();
  for (const edge of subgraph.edges) {
    if (loaded.has(edge.source) && !loaded.has(edge.target)) anchorOf.set(edge.target, edge.source);
    if (loaded.has(edge.target) && !loaded.has(edge.source)) anchorOf.set(edge.source, edge.target);
  }
  let added = 0;
  for (const node of subgraph.nodes) {
    const anchor = anchorOf.get(node.id);
    if (loaded.has(node.id)) mergeSubgraph(app.graph, { nodes: [node], edges: [] });
    else if (anchor) added += mergeSubgraph(app.graph, { nodes: [node], edges: [] }, { anchor }).addedNodes.length;
  }
  mergeSubgraph(app.graph, { nodes: [], edges: subgraph.edges });
  refreshRendering(app.graph);
  app.graphView.sigma.refresh();
  return { added, offered: fresh.filter((id) => !app.graph.hasNode(id)).length };
}
