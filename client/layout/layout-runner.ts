/**
 * Layouts for the explorer, all off the main thread: a fixed-length ForceAtlas2 + noverlap pass in our
 * worker (after loading and expanding, deterministic), and the continuous ForceAtlas2 of
 * graphology-layout-forceatlas2/worker for the Start/Stop button, followed by noverlap when stopped.
 */
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { animateNodes } from 'sigma/utils';
import type { ViewGraph } from '../graph/view-graph';
import type { LayoutRequest, Positions } from './compute-layout';
import { DEFAULT_LAYOUT_SETTINGS, forceAtlas2Options, type LayoutSettings } from './layout-settings';
import LayoutWorker from './layout-worker?worker';

export interface LayoutRunner {
  /** Computes a layout in the worker and moves the nodes there (animated unless `instant`). */
  settle(options?: { iterations?: number; instant?: boolean }): Promise<void>;
  /** Puts the nodes on a circle, or packs them in circles by `groupOf` (type or community). */
  shape(shape: 'circular' | 'circlepack', groupOf?: (id: string) => string): Promise<void>;
  startContinuous(): void;
  stopContinuous(): Promise<void>;
  isRunning(): boolean;
  kill(): void;
}

export function createLayoutRunner(
  graph: ViewGraph,
  onRunningChange: (running: boolean) => void,
  settings: () => LayoutSettings = () => DEFAULT_LAYOUT_SETTINGS,
): LayoutRunner {
  const worker = new LayoutWorker({ name: 'dossier-layout' });
  let nextId = 1;
  const pending = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void }>();
  worker.onmessage = (event: MessageEvent<{ id: number; positions?: Positions; error?: string }>) => {
    const job = pending.get(event.data.id);
    if (!job) return;
    pending.delete(event.data.id);
    if (event.data.error) job.reject(new Error(`Layout failed: ${event.data.error}`));
    else job.resolve(event.data.positions ?? {});
  };

  function compute(request: LayoutRequest): Promise<Positions> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, request });
    });
  }

  function request(iterations: number, groupOf?: (id: string) => string): LayoutRequest {
    const s = settings();
    return {
      nodes: graph.mapNodes((key, a) => ({
        key,
        x: a.x,
        y: a.y,
        size: a.size,
        fixed: !!a.fixed,
        ...(groupOf ? { group: groupOf(key) } : {}),
      })),
      edges: graph.mapEdges((_edge, _a, source, target) => [source, target] as [string, string]),
      iterations,
      noverlap: s.noverlap,
      forceAtlas2: forceAtlas2Options(s, graph.order),
    };
  }

  let cancelAnimation: (() => void) | null = null;
  function moveTo(positions: Positions, instant: boolean): Promise<void> {
    const targets: Record<string, { x: number; y: number }> = {};
    // Pinned nodes stay where the user put them.
    for (const [key, p] of Object.entries(positions))
      if (graph.hasNode(key) && !graph.getNodeAttribute(key, 'fixed')) targets[key] = p;
    cancelAnimation?.();
    if (instant) {
      for (const [key, p] of Object.entries(targets)) graph.mergeNodeAttributes(key, p);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      cancelAnimation = animateNodes(graph, targets, { duration: 450, easing: 'quadraticInOut' }, () => {
        cancelAnimation = null;
        resolve();
      });
    });
  }

  let fa2: FA2Layout | null = null;
  return {
    async settle(options = {}) {
      if (graph.order === 0) return;
      const positions = await compute(request(options.iterations ?? 300));
      await moveTo(positions, !!options.instant);
    },
    async shape(shape, groupOf) {
      if (graph.order === 0) return;
      await moveTo(await compute({ ...request(0, groupOf), shape }), false);
    },
    startContinuous() {
      if (fa2?.isRunning()) return;
      fa2?.kill();
      const inferred = forceAtlas2.inferSettings(graph);
      fa2 = new FA2Layout(graph, { settings: { ...inferred, ...forceAtlas2Options(settings(), graph.order) } });
      fa2.start();
      onRunningChange(true);
    },
    async stopContinuous() {
      if (!fa2) return;
      fa2.stop();
      fa2.kill();
      fa2 = null;
      onRunningChange(false);
      if (!settings().noverlap) return;
      const positions = await compute(request(0));
      await moveTo(positions, false);
    },
    isRunning: () => !!fa2?.isRunning(),
    kill() {
      fa2?.kill();
      worker.terminate();
    },
  };
}
