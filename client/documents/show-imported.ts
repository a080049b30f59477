/**
 * Shows what an import added without losing the view: the entities the new documents mention join the
 * graph beside what is already loaded (placed next to a loaded neighbour, no new layout), with their facts
 * to each other and to what is in view; the camera, the selection, hidden nodes and filters stay. A graph
 * that was empty is loaded afresh instead.
 */
import type { DossierApp } from '../app';
import { mergeSubgraph, refreshRendering } from '../graph/view-graph';

/** More than this many new entities at once would bury the view: the rest are a search away. */
const MAX_SHOWN = 300;

export async function showImported(
  app: DossierApp,
  documentIds: string[],
  reload: () => Promise<void>,
): Promise<number> {
  if (!documentIds.length) return 0;
  if (app.graph.order === 0) {
    await reload();
    return app.graph.order;
  }
  const documents = await Promise.all(documentIds.map((id) => app.api.document(id)));
  const mentioned = [...new Set(documents.flatMap((d) => d.mentions.map((m) => m.entityId)))].slice(0, MAX_SHOWN);
  if (!mentioned.length) return 0;
  const subgraph = await app.api.subgraph(mentioned, app.graph.nodes());
  // Each new entity is placed next to a loaded one it is related to, when there is one.
  const loaded = new Set(app.graph.nodes());
  const anchorOf = new Map<string, string>();
  for (const edge of subgraph.edges) {
    if (loaded.has(edge.source) && !loaded.has(edge.target)) anchorOf.set(edge.target, edge.source);
    if (loaded.has(edge.target) && !loaded.has(edge.source)) anchorOf.set(edge.source, edge.target);
  }
  let added = 0;
  for (const node of subgraph.nodes) {
    if (loaded.has(node.id)) continue;
    added += mergeSubgraph(app.graph, { nodes: [node], edges: [] }, { anchor: anchorOf.get(node.id) }).addedNodes
      .length;
  }
  mergeSubgraph(app.graph, { nodes: [], edges: subgraph.edges });
  refreshRendering(app.graph);
  app.graphView.sigma.refresh();
  return added;
}
