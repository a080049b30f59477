/**
 * The graphology graph the explorer shows: the single source of truth for what is loaded. Each node and
 * edge keeps the API's data under `data` and only rendering attributes (x, y, size, colour, label, image)
 * beside it, so sigma never sees domain fields and the domain never depends on how things look.
 * Pure functions over the graph; no DOM.
 */
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { GraphEdge, GraphNode, Subgraph } from '../../graph/model/api-types';
import { HYPOTHESIS } from '../../graph/model/types';
import {
  edgeColor,
  edgeSize,
  iconDataUrl,
  nodeLabel,
  nodeSize,
  nodeTypeStyle,
  relationLabel,
} from '../appearance/node-style';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  image: string;
  pictoColor: string;
  /** Pinned by the user: layouts leave it where it is. */
  fixed?: boolean;
  data: GraphNode;
}

export interface EdgeAttributes {
  size: number;
  color: string;
  label: string;
  type: 'straight' | 'curved' | 'dashed'; // the sigma program: dashed for analysts' hypotheses
  curvature: number;
  data: GraphEdge;
}

export type ViewGraph = Graph<NodeAttributes, EdgeAttributes>;
export type SerializedView = SerializedGraph<NodeAttributes, EdgeAttributes>;

/** What a panel may do with the view graph: read it and listen to it. Only app.ts writes it. */
export type ViewGraphReader = Pick<
  ViewGraph,
  | 'order'
  | 'size'
  | 'hasNode'
  | 'hasEdge'
  | 'nodes'
  | 'edges'
  | 'neighbors'
  | 'degree'
  | 'source'
  | 'target'
  | 'extremities'
  | 'getNodeAttribute'
  | 'getNodeAttributes'
  | 'getEdgeAttribute'
  | 'getEdgeAttributes'
  | 'filterNodes'
  | 'filterEdges'
  | 'forEachNode'
  | 'mapNodes'
  | 'on'
  | 'off'
>;

export function createViewGraph(): ViewGraph {
  return new Graph<NodeAttributes, EdgeAttributes>({ type: 'directed', multi: true, allowSelfLoops: true });
}

/** A stable pseudo-random number in [0, 1) from a string, so first positions do not depend on load order. */
export function hashUnit(text: string, salt = 0): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

/** Where a new node first appears: around its anchor (the node it was expanded from) or on a disc. */
export function initialPosition(id: string, anchor?: { x: number; y: number }, spread = 100): { x: number; y: number } {
  const angle = hashUnit(id, 1) * 2 * Math.PI;
  const radius = (0.25 + 0.75 * hashUnit(id, 2)) * (anchor ? spread / 4 : spread);
  return { x: (anchor?.x ?? 0) + radius * Math.cos(angle), y: (anchor?.y ?? 0) + radius * Math.sin(angle) };
}

export interface MergeResult {
  addedNodes: string[];
  addedEdges: string[];
}

/**
 * Adds a subgraph from the API: new nodes and edges are added, known ones get fresh data, edges whose
 * ends are not loaded are skipped. Rendering attributes are recomputed afterwards.
 */
export function mergeSubgraph(
  graph: ViewGraph,
  subgraph: Subgraph,
  options: { anchor?: string; positions?: Readonly<Record<string, { x: number; y: number }>> } = {},
): MergeResult {
  const anchor = options.anchor && graph.hasNode(options.anchor) ? graph.getNodeAttributes(options.anchor) : undefined;
  const addedNodes: string[] = [];
  const addedEdges: string[] = [];
  for (const node of subgraph.nodes) {
    if (graph.hasNode(node.id)) {
      // Fresh data may carry a new name or type (a curation): the label and colour follow it.
      const data = { ...graph.getNodeAttribute(node.id, 'data'), ...node };
      const style = nodeTypeStyle(data.type);
      graph.mergeNodeAttributes(node.id, {
        data,
        label: nodeLabel(data.name),
        color: style.color,
        image: typeIcon(data.type),
      });
      continue;
    }
    // A node given its position is added there: placing it afterwards would be one more change event
    // per node, which sigma answers by running its reducer on the node again.
    const position =
      options.positions?.[node.id] ?? initialPosition(node.id, anchor, Math.max(100, Math.sqrt(graph.order + 1) * 20));
    const style = nodeTypeStyle(node.type);
    graph.addNode(node.id, {
      x: position.x,
      y: position.y,
      size: 1,
      color: style.color,
      label: nodeLabel(node.name),
      image: typeIcon(node.type),
      pictoColor: '#ffffff',
      data: node,
    });
    addedNodes.push(node.id);
  }
  for (const edge of subgraph.edges) {
    if (graph.hasEdge(edge.id)) {
      graph.mergeEdgeAttributes(edge.id, { data: edge, label: edgeLabel(edge) });
      continue;
    }
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addEdgeWithKey(edge.id, edge.source, edge.target, {
      size: edgeSize(edge.evidenceCount),
      color: edgeColor(edge.type),
      label: edgeLabel(edge),
      type: isHypothesis(edge) ? 'dashed' : 'straight',
      curvature: 0,
      data: edge,
    });
    addedEdges.push(edge.id);
  }
  refreshRendering(graph);
  return { addedNodes, addedEdges };
}

export { HYPOTHESIS };

/** Each type's pictogram URL, built once: encoding the SVG for every node of a 100k-node view took seconds. */
const iconUrls = new Map<string, string>();
function typeIcon(type: string): string {
  let url = iconUrls.get(type);
  if (url === undefined) {
    url = iconDataUrl(nodeTypeStyle(type).icon);
    iconUrls.set(type, url);
  }
  return url;
}

export function isHypothesis(edge: Pick<GraphEdge, 'type'>): boolean {
  return edge.type === HYPOTHESIS;
}

/**
 * Puts these hypotheses into the graph where both their ends are loaded, and takes out any other
 * hypothesis (or one whose ends moved, as a merge moves them to the survivor).
 */
export function syncHypothesisEdges(graph: ViewGraph, wanted: readonly GraphEdge[]): void {
  const byId = new Map(wanted.map((edge) => [edge.id, edge]));
  let changed = false;
  for (const edge of graph.filterEdges((_e, a) => isHypothesis(a.data))) {
    const h = byId.get(edge);
    if (!h || graph.source(edge) !== h.source || graph.target(edge) !== h.target) {
      graph.dropEdge(edge);
      changed = true;
    }
  }
  const missing = wanted.filter((edge) => !graph.hasEdge(edge.id));
  // mergeSubgraph skips a hypothesis whose ends are not both in view, and refreshes the rendering itself.
  const added = missing.length ? mergeSubgraph(graph, { nodes: [], edges: missing }).addedEdges.length : 0;
  if (changed && !added) refreshRendering(graph);
}

/** A hypothesis shows its analyst's label after a question mark, so it never reads as a documented fact. */
export function edgeLabel(edge: GraphEdge): string {
  const label = edge.attributes?.label;
  if (isHypothesis(edge)) return typeof label === 'string' && label ? `? ${label}` : '? hypothesis';
  return edge.attributes?.disputed === true ? `${relationLabel(edge.type)} (disputed)` : relationLabel(edge.type);
}

/** Removes nodes (and their edges) from the view; the database is untouched. */
export function removeNodes(graph: ViewGraph, ids: Iterable<string>): string[] {
  const removed: string[] = [];
  for (const id of ids) {
    if (graph.hasNode(id)) {
      graph.dropNode(id);
      removed.push(id);
    }
  }
  if (removed.length) refreshRendering(graph);
  return removed;
}

/**
 * The degree used for sizing: the database's when the API gave it (query results do not), and never less
 * than the relations loaded, so a node is never drawn smaller than what the view shows of it.
 */
export function nodeDegree(graph: ViewGraph, id: string): number {
  const data = graph.getNodeAttribute(id, 'data');
  return Math.max(typeof data.degree === 'number' ? data.degree : 0, graph.degree(id));
}

/** Sizes by degree and curvature of parallel edges, recomputed after every structural change. */
export function refreshRendering(graph: ViewGraph): void {
  let maxDegree = 1;
  graph.forEachNode((id) => {
    maxDegree = Math.max(maxDegree, nodeDegree(graph, id));
  });
  // One update of every node, one event: a set per node is an event per node, and sigma runs its reducer
  // on each such node at once, before the frame that processes every node anyway. No hint of the updated
  // attributes: with one that names no position sigma repaints the nodes in place, which fails for nodes
  // added since its last frame (the edges' hint below names `type`, which makes sigma index them again).
  graph.updateEachNodeAttributes((id, attributes) => {
    attributes.size = nodeSize(nodeDegree(graph, id), maxDegree);
    return attributes;
  });
  assignParallelCurvatures(graph);
}

export const PARALLEL_CURVATURE_STEP = 0.35;

/**
 * Several relations between the same two nodes are drawn as curves fanning out on both sides, so each
 * stays readable; a lone edge (or the middle one of an odd bundle) stays straight. Hypotheses stay
 * straight and dashed (the dashed program draws no curve), so a bundle that has one leaves the middle
 * to it and curves every fact.
 */
export function assignParallelCurvatures(graph: ViewGraph): void {
  const bundles = new Map<string, string[]>();
  const withHypothesis = new Set<string>();
  graph.forEachEdge((edge, attributes, source, target) => {
    if (isHypothesis(attributes.data)) {
      withHypothesis.add(source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`);
      return;
    }
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const bundle = bundles.get(key);
    if (bundle) bundle.push(edge);
    else bundles.set(key, [edge]);
  });
  const curvatures = new Map<string, number>();
  for (const [key, edges] of bundles) {
    // A lone edge is straight unless a hypothesis lies beside it: most edges, so they skip the sort.
    if (edges.length === 1 && !withHypothesis.has(key)) continue;
    edges.sort();
    const middle = (edges.length - 1) / 2;
    const spread = withHypothesis.has(key);
    edges.forEach((edge, index) => {
      // Beside a hypothesis, offsets skip zero: ±1, ±2… (sign alternating), so no fact hides under it.
      const offset = spread ? (index % 2 === 0 ? 1 : -1) * (Math.floor(index / 2) + 1) : index - middle;
      const reversed = graph.source(edge) > graph.target(edge);
      curvatures.set(edge, offset === 0 ? 0 : (reversed ? -1 : 1) * offset * PARALLEL_CURVATURE_STEP);
    });
  }
  // One update of every edge, one event (as for the node sizes above).
  graph.updateEachEdgeAttributes(
    (edge, attributes) => {
      if (isHypothesis(attributes.data)) {
        attributes.curvature = 0;
        attributes.type = 'dashed';
      } else {
        const curvature = curvatures.get(edge) ?? 0;
        attributes.curvature = curvature;
        attributes.type = curvature === 0 ? 'straight' : 'curved';
      }
      return attributes;
    },
    { attributes: ['curvature', 'type'] },
  );
}

export function snapshotGraph(graph: ViewGraph): SerializedView {
  return graph.export();
}

export function restoreGraph(graph: ViewGraph, snapshot: SerializedView): void {
  graph.clear();
  graph.import(snapshot);
}

/** Node ids in a stable order (for the URL and exports). */
export function loadedNodeIds(graph: ViewGraph): string[] {
  return graph.nodes().sort();
}

/** Neighbours of a node in the loaded graph, both directions. */
export function neighbourSet(graph: ViewGraph, id: string): Set<string> {
  return graph.hasNode(id) ? new Set(graph.neighbors(id)) : new Set();
}

/** Nodes that are loaded only because of `center` (no other neighbour): what "collapse" removes. */
export function leavesOf(graph: ViewGraph, center: string): string[] {
  if (!graph.hasNode(center)) return [];
  return graph.neighbors(center).filter((n) => graph.neighbors(n).every((m) => m === center));
}
