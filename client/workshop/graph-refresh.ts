/**
 * What a curation (or its undo) changes in the view graph: entities it touched are reloaded with their
 * relations to what is in view, entities that no longer exist leave the view (the merged one of a
 * merge), and an entity it brought back or created appears when its neighbours in the curation are in
 * view (an undone merge, a split-off alias). Hypotheses are left to the hypothesis layer. This only reads
 * the graph and asks the server; the view graph's owner (`app.reflectCuration`) applies the patch.
 */
import type { GraphEdge, Subgraph } from '../../graph/model/api-types';
import type { CurationSummary } from '../../graph/workshop/types';
import type { ApiClient } from '../api/api-client';
import { ApiRequestError } from '../api/api-error';
import { isHypothesis, type ViewGraphReader } from '../graph/view-graph';
import { curationEntityIds, curationRelationId } from './curation-words';

export interface GraphPatch {
  dropNodes: string[];
  dropEdges: string[];
  merge: Subgraph;
  /** Where new nodes appear: a reloaded entity still in view. */
  anchor?: string;
  /** The entity a merge kept: selected when the selection was the merged one. */
  survivor?: string;
}

const FACTS_ONLY = (edge: GraphEdge) => !isHypothesis(edge);

/** Null when the curation touched nothing in view. */
export async function planCurationRefresh(
  graph: ViewGraphReader,
  api: Pick<ApiClient, 'subgraph' | 'edge'>,
  summary: CurationSummary,
): Promise<GraphPatch | null> {
  const scope = curationEntityIds(summary);
  const relationId = curationRelationId(summary);
  const loadedBefore = scope.filter((id) => graph.hasNode(id));
  const relationShown = relationId !== null && graph.hasEdge(relationId);
  if (!loadedBefore.length && !relationShown) return null;
  const patch: GraphPatch = { dropNodes: [], dropEdges: [], merge: { nodes: [], edges: [] } };
  if (summary.payload.kind === 'merge') patch.survivor = summary.payload.survivorId;

  if (scope.length) {
    const loaded = [...new Set([...graph.nodes(), ...scope])];
    const answer = await api.subgraph(scope, loaded);
    const existing = new Set(answer.nodes.map((n) => n.id).filter((id) => scope.includes(id)));
    // The merged entity of a merge (or a split-off alias whose split was undone) leaves the view.
    patch.dropNodes = scope.filter((id) => !existing.has(id) && graph.hasNode(id));
    // Shown: what was in view, and what the curation made or brought back next to it.
    const shown = new Set(scope.filter((id) => existing.has(id)));
    patch.merge = {
      nodes: answer.nodes.filter((n) => shown.has(n.id) || graph.hasNode(n.id)),
      edges: answer.edges.filter(FACTS_ONLY),
    };
    // Relations of a reloaded entity that are gone in the database leave the view too.
    const fresh = new Set(patch.merge.edges.map((e) => e.id));
    for (const id of shown) {
      if (!graph.hasNode(id)) continue;
      for (const edge of graph.edges(id)) {
        if (!isHypothesis(graph.getEdgeAttribute(edge, 'data')) && !fresh.has(edge)) patch.dropEdges.push(edge);
      }
    }
    const dropped = new Set(patch.dropNodes);
    patch.anchor = loadedBefore.find((id) => !dropped.has(id));
  }

  if (relationId) {
    // A relation a curation deleted answers 404: it leaves the view.
    const details = await api.edge(relationId).catch((error: unknown) => {
      if (error instanceof ApiRequestError && error.status === 404) return null;
      throw error;
    });
    const edge = details?.edge;
    if (edge) patch.merge.edges.push(edge);
    else if (graph.hasEdge(relationId)) patch.dropEdges.push(relationId);
  }
  return patch;
}
