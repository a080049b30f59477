/**
 * The layout computed off the main thread: ForceAtlas2 for a fixed number of iterations, then noverlap
 * so nodes do not cover each other. Deterministic: the same nodes, edges and start positions always
 * give the same picture, which lets a shared link reopen the same view. DOM-free (runs in a worker).
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import circular from 'graphology-layout/circular';
import circlepack from 'graphology-layout/circlepack';

export interface LayoutRequest {
  /** `group`: what circle packing groups by (a type or a community). */
  nodes: Array<{ key: string; x: number; y: number; size: number; fixed?: boolean; group?: string }>;
  edges: Array<[string, string]>;
  iterations: number; // ForceAtlas2 iterations; 0 = only remove overlaps
  noverlap: boolean;
  /** ForceAtlas2 options over those inferred (layout-settings.ts). */
  forceAtlas2?: Record<string, number | boolean>;
  /** Instead of ForceAtlas2: nodes on a circle, or circles packed by group. */
  shape?: 'circular' | 'circlepack';
}

export type Positions = Record<string, { x: number; y: number }>;

/** Nominal viewport size used to turn node sizes (pixels) into graph units for noverlap. */
const VIEWPORT = 900;

export function computeLayout(request: LayoutRequest): Positions {
  const graph = new Graph({ multi: true, type: 'undirected', allowSelfLoops: false });
  for (const node of [...request.nodes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    // ForceAtlas2 does not move a `fixed` node and lays the others out around it.
    graph.addNode(node.key, { x: node.x, y: node.y, size: node.size, fixed: !!node.fixed, group: node.group ?? '' });
  }
  for (const [source, target] of request.edges) {
    if (source !== target && graph.hasNode(source) && graph.hasNode(target)) graph.addEdge(source, target);
  }
  if (graph.order === 0) return {};
  // The scale of a shape layout follows the graph's size, so noverlap and the camera see what FA2 gives.
  const scale = Math.sqrt(graph.order) * 20;
  if (request.shape === 'circular') circular.assign(graph, { scale });
  else if (request.shape === 'circlepack')
    circlepack.assign(graph, { hierarchyAttributes: ['group'], scale, rng: () => 0.5 });
  else if (request.iterations > 0 && graph.order > 1) {
    const settings = forceAtlas2.inferSettings(graph);
    forceAtlas2.assign(graph, {
      iterations: request.iterations,
      settings: {
        ...settings,
        barnesHutOptimize: graph.order > 400,
        adjustSizes: false,
        scalingRatio: 12,
        gravity: 0.6,
        ...request.forceAtlas2,
      },
    });
  }
  if (request.noverlap && graph.order > 1) {
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    graph.forEachNode((_key, a) => {
      minX = Math.min(minX, a.x);
      maxX = Math.max(maxX, a.x);
      minY = Math.min(minY, a.y);
      maxY = Math.max(maxY, a.y);
    });
    const scale = Math.max(maxX - minX, maxY - minY, 1) / VIEWPORT;
    noverlap.assign(graph, {
      maxIterations: 120,
      settings: { margin: 6 * scale, ratio: 1.4, speed: 3 },
      inputReducer: (_key, a) => ({ x: a.x, y: a.y, size: (a.size ?? 5) * scale }),
    });
  }
  const positions: Positions = {};
  graph.forEachNode((key, a) => {
    positions[key] = { x: a.x, y: a.y };
  });
  return positions;
}
