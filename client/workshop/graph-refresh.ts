/**
 * Shows a curation (or its undo) in the view graph: entities it touched are reloaded with their
 * relations to what is in view, entities that no longer exist leave the view (the merged one of a
 * merge), and an entity it brought back or created appears when its neighbours in the curation are in
 * view (an undone merge, a split-off alias). Hypotheses are left to the hypothesis layer.
 */
import type { GraphEdge, Subgraph } from '../../graph/model/api-types';
import { ApiRequestError } from '../api/api-error';
import type { CurationSummary } from '../../graph/workshop/types';
import type { DossierApp } from '../app';
import { isHypothesis, mergeSubgraph, refreshRendering } from '../graph/view-graph';
import { forgetMissing, select } from '../state/view-state';
import { curationEntityIds, curationRelationId } from './curation-words';

const FACTS_ONLY = (edge: GraphEdge) => !isHypothesis(edge);

export async function reflectCuration(app: DossierApp, summary: CurationSummary): Promise<void> {
  const { graph } = app;
  const scope = curationEntityIds(summary);
  const relationId = curationRelationId(summary);
  const loadedBefore = scope.filter((id) => graph.hasNode(id));
  const relationShown = relationId !== null && graph.hasEdge(relationId);
  if (!loadedBefore.length && !relationShown) return;

  if (scope.length) {
    const loaded = [...new Set([...graph.nodes(), ...scope])];
    const result = { graph: await app.api.subgraph(scope, loaded) };
    const existing = new Set(result.graph.nodes.map((n) => n.id).filter((id) => scope.includes(id)));
    // The merged entity of a merge (or a split-off alias whose split was undone) leaves the view.
    const survivor = summary.payload.kind === 'merge' ? summary.payload.survivorId : null;
    const selection = app.view.get().selection;
    for (const id of scope) if (!existing.has(id) && graph.hasNode(id)) graph.dropNode(id);
    // Shown: what was in view, and what the curation made or brought back next to it.
    const shown = new Set(scope.filter((id) => existing.has(id)));
    const subgraph: Subgraph = {
      nodes: result.graph.nodes.filter((n) => shown.has(n.id) || graph.hasNode(n.id)),
      edges: result.graph.edges.filter(FACTS_ONLY),
    };
    // Relations of a reloaded entity that are gone in the database leave the view too.
    const fresh = new Set(subgraph.edges.map((e) => e.id));
    for (const id of shown) {
      if (!graph.hasNode(id)) continue;
      for (const edge of graph.edges(id)) {
        if (!isHypothesis(graph.getEdgeAttribute(edge, 'data')) && !fresh.has(edge)) graph.dropEdge(edge);
      }
    }
    mergeSubgraph(graph, subgraph, { anchor: loadedBefore.find((id) => graph.hasNode(id)) });
    if (selection?.kind === 'node' && !graph.hasNode(selection.id) && survivor && graph.hasNode(survivor)) {
      app.view.update(select({ kind: 'node', id: survivor }));
    }
  }

  if (relationId) {
    // A relation a curation deleted answers 404: it leaves the view.
    const details = await app.api.edge(relationId).catch((error: unknown) => {
      if (error instanceof ApiRequestError && error.status === 404) return null;
      throw error;
    });
    const edge = details?.edge;
    if (!edge && graph.hasEdge(relationId)) graph.dropEdge(relationId);
    if (edge) mergeSubgraph(graph, { nodes: [], edges: [edge] });
  }
  refreshRendering(graph);
  app.view.update(
    forgetMissing(
      (n) => graph.hasNode(n),
      (e) => graph.hasEdge(e),
    ),
  );
  app.graphView.sigma.refresh();
}
