/**
 * What a change of the stored documents changes in the view graph. After an import, entities already in
 * view take their new names, relations between loaded entities appear or thicken, and a new entity joins
 * only when it is related to something in view (placed next to it). After a removal, entities the graph
 * no longer holds leave, and so do facts that lost their last evidence. This only reads the graph and asks
 * the server; the view graph's owner (`app.reflectDocuments`) applies the patch.
 */
import type { GraphNode, ImportChangesResponse, Subgraph } from '../../graph/model/api-types';
import { ENTITY_TYPES } from '../../graph/model/types';
import type { ApiClient } from '../api/api-client';
import { isHypothesis, type ViewGraphReader } from '../graph/view-graph';
import { touchedEntityIds } from './changes-view';

/** More than this many entities asked for at once would be a slow answer for a live refresh. */
const MAX_ASKED = 2000;
/** POST /api/subgraph takes at most this many ids. */
const MAX_CHECKED = 5000;

export interface DocumentsPatch {
  dropNodes: string[];
  dropEdges: string[];
  /** Entities already in view with their current data, and facts whose ends are loaded. */
  merge: Subgraph;
  /** New entities in the order they are placed, each next to a loaded entity it is related to. */
  place: Array<{ node: GraphNode; anchor: string }>;
}

type SubgraphApi = Pick<ApiClient, 'subgraph'>;

/** Null when the import touched nothing that could be in view. */
export async function planImportRefresh(
  graph: ViewGraphReader,
  api: SubgraphApi,
  changes: ImportChangesResponse,
): Promise<DocumentsPatch | null> {
  const asked = touchedEntityIds(changes).slice(0, MAX_ASKED);
  if (!asked.length) return null;
  const subgraph = await api.subgraph(asked, graph.nodes());
  // Read after the answer: what the view holds now is what the patch is applied to.
  const loaded = new Set(graph.nodes());
  const anchorOf = new Map<string, string>();
  for (const edge of subgraph.edges) {
    if (loaded.has(edge.source) && !loaded.has(edge.target)) anchorOf.set(edge.target, edge.source);
    if (loaded.has(edge.target) && !loaded.has(edge.source)) anchorOf.set(edge.source, edge.target);
  }
  const place: DocumentsPatch['place'] = [];
  for (const node of subgraph.nodes) {
    const anchor = anchorOf.get(node.id);
    if (!loaded.has(node.id) && anchor) place.push({ node, anchor });
  }
  return {
    dropNodes: [],
    dropEdges: [],
    merge: { nodes: subgraph.nodes.filter((n) => loaded.has(n.id)), edges: subgraph.edges },
    place,
  };
}

/** Null when the view holds no entity, or more than the API checks at once (it keeps what it shows). */
export async function planRemovalRefresh(graph: ViewGraphReader, api: SubgraphApi): Promise<DocumentsPatch | null> {
  const entityTypes: ReadonlySet<string> = new Set(ENTITY_TYPES);
  const loaded = graph.filterNodes((_id, a) => entityTypes.has(a.data.type));
  if (!loaded.length || loaded.length > MAX_CHECKED) return null;
  const current = await api.subgraph(loaded);
  const still = new Set(current.nodes.map((n) => n.id));
  const edges = new Set(current.edges.map((e) => e.id));
  return {
    dropNodes: loaded.filter((id) => !still.has(id)),
    // A fact between two entities still there that the graph no longer holds lost its last evidence.
    dropEdges: graph.filterEdges(
      (id, attributes, source, target) =>
        !edges.has(id) && still.has(source) && still.has(target) && !isHypothesis(attributes.data),
    ),
    merge: current,
    place: [],
  };
}
