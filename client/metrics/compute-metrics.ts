/**
 * Degree, PageRank, betweenness and Louvain communities of the graph in view, with graphology's own
 * packages. The view graph is directed and may hold parallel relations; the metrics read it as a simple
 * undirected graph (one link per pair of nodes, no loops), since an analyst asks how central an actor is,
 * not which way a sentence ran. Deterministic (Louvain gets a seeded random source), DOM-free: runs in a
 * worker for large graphs.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';

export const METRICS = ['degree', 'pagerank', 'betweenness'] as const;
export type Metric = (typeof METRICS)[number];

export const METRIC_LABELS: Readonly<Record<Metric, string>> = {
  degree: 'Degree',
  pagerank: 'PageRank',
  betweenness: 'Betweenness',
};

export interface MetricsRequest {
  nodes: string[];
  edges: Array<[string, string]>;
}

export interface MetricsResult {
  values: Record<Metric, Record<string, number>>;
  communities: Record<string, number>;
  communityCount: number;
}

/** A small seeded generator (mulberry32), so the same graph always gets the same communities. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function computeMetrics(request: MetricsRequest): MetricsResult {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const node of [...request.nodes].sort()) graph.addNode(node);
  for (const [source, target] of request.edges) {
    if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    if (!graph.hasEdge(source, target)) graph.addEdge(source, target);
  }
  const degree: Record<string, number> = {};
  graph.forEachNode((node) => {
    degree[node] = graph.degree(node);
  });
  if (graph.order === 0)
    return { values: { degree, pagerank: {}, betweenness: {} }, communities: {}, communityCount: 0 };
  const rank =
    graph.size > 0
      ? pagerank(graph, { getEdgeWeight: null })
      : Object.fromEntries(graph.nodes().map((n) => [n, 1 / graph.order]));
  const betweenness = betweennessCentrality(graph, { normalized: true, getEdgeWeight: null });
  let communities: Record<string, number>;
  if (graph.size > 0) {
    communities = louvain(graph, { rng: seeded(42), getEdgeWeight: null });
  } else {
    // Louvain needs at least one link; with none, each node is its own community.
    communities = Object.fromEntries(graph.nodes().map((n, i) => [n, i]));
  }
  return {
    values: { degree, pagerank: rank, betweenness },
    communities: renumberBySize(communities),
    communityCount: new Set(Object.values(communities)).size,
  };
}

/** Community 0 is the largest, then 1…, ties by their first member: stable colours from run to run. */
export function renumberBySize(communities: Record<string, number>): Record<string, number> {
  const members = new Map<number, string[]>();
  for (const [node, c] of Object.entries(communities)) {
    const list = members.get(c) ?? [];
    list.push(node);
    members.set(c, list);
  }
  const order = [...members.entries()]
    .map(([c, nodes]) => ({ c, size: nodes.length, first: nodes.sort()[0] }))
    .sort((a, b) => b.size - a.size || (a.first < b.first ? -1 : 1));
  const renumber = new Map(order.map(({ c }, i) => [c, i]));
  return Object.fromEntries(Object.entries(communities).map(([node, c]) => [node, renumber.get(c)!]));
}
