/**
 * The bare sigma page: fetches a benchmark graph, draws it with sigma's defaults (circles, straight
 * edges), and offers `window.__bench` to the render suite. Bundled with esbuild for the browser.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { TYPE_COLORS, type BenchGraph } from './bench-graph';

declare global {
  interface Window {
    __bench?: {
      fetchGraph(url: string): Promise<number>;
      draw(): Promise<number>; // ms to the first frame
      sigma: Sigma | null;
      fa2(seconds: number): Promise<{ iterationsPerSecond: number; iterations: number }>;
    };
  }
}

let data: BenchGraph | null = null;

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
}

window.__bench = {
  sigma: null,
  async fetchGraph(url) {
    data = (await (await fetch(url)).json()) as BenchGraph;
    return data.nodes.length;
  },
  async draw() {
    if (!data) throw new Error('bare sigma: fetchGraph first');
    const start = performance.now();
    const graph = new Graph({ multi: true, type: 'directed' });
    for (const n of data.nodes)
      graph.addNode(n.id, { x: n.x, y: n.y, size: 4, color: TYPE_COLORS[n.type] ?? '#999999', label: n.name });
    for (const e of data.edges) graph.addEdgeWithKey(e.id, e.source, e.target, { size: 1, color: '#cccccc' });
    const container = document.getElementById('graph')!;
    const rendered = new Promise<void>((resolve) => {
      const sigma = new Sigma(graph, container);
      window.__bench!.sigma = sigma;
      sigma.once('afterRender', () => resolve());
      // Sigma may have rendered inside its constructor already.
      requestAnimationFrame(() => resolve());
    });
    await rendered;
    const painted = await nextFrame();
    return painted - start;
  },
  async fa2(seconds) {
    if (!data) throw new Error('bare sigma: fetchGraph first');
    const worker = new Worker('./fa2-worker.js');
    const answer = new Promise<{ iterationsPerSecond: number; iterations: number }>((resolve, reject) => {
      worker.onmessage = (event) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(event.message));
    });
    worker.postMessage({ graph: data, seconds });
    const result = await answer;
    worker.terminate();
    return result;
  },
};
