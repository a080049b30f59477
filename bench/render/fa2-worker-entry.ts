/**
 * ForceAtlas2 in a web worker, as the app runs it: builds the graph, times one iteration, then runs as many
 * as fit in the asked seconds and answers iterations per second. Bundled with esbuild.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { BenchGraph } from './bench-graph';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event: MessageEvent<{ graph: BenchGraph; seconds: number }>) => {
  const { graph: data, seconds } = event.data;
  const graph = new Graph({ multi: true, type: 'directed' });
  for (const n of data.nodes) graph.addNode(n.id, { x: n.x, y: n.y });
  for (const e of data.edges) graph.addEdgeWithKey(e.id, e.source, e.target);
  const settings = forceAtlas2.inferSettings(graph); // Barnes-Hut above 2,000 nodes, as the app's layout
  let start = performance.now();
  forceAtlas2.assign(graph, { iterations: 1, settings });
  const one = Math.max(1, performance.now() - start);
  const iterations = Math.max(1, Math.floor((seconds * 1000) / one));
  start = performance.now();
  forceAtlas2.assign(graph, { iterations, settings });
  const elapsed = performance.now() - start;
  scope.postMessage({ iterationsPerSecond: (iterations * 1000) / elapsed, iterations });
};
