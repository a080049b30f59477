/**
 * Render benchmark in headless Chromium (Debian's, through playwright-core, WebGL on the CPU through
 * SwiftShader): the same synthetic graph (1k–100k nodes, 2.5x edges) drawn by a bare sigma page and by the
 * app's own graph view. Time to first frame, frames per second during a scripted pan and zoom, JS heap,
 * and ForceAtlas2 iterations per second in a web worker. The ratio app/bare is the figure that matters.
 *
 * The app is built with Vite into a temporary folder and served with a stub API (an empty database); the
 * graph goes in through `window.__dossier.app.applySubgraph` with every node's position, the bare page's, so
 * the app runs no layout step.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { verdict, type Suite, type SuiteReport } from '../lib/report';
import { median, ratio, round } from '../lib/stats';
import { syntheticGraph } from '../lib/synthetic-graph';
import type { BenchGraph } from './bench-graph';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/support/browser';

const PROJECT_DIR = path.resolve(__dirname, '..', '..');
const VIEWPORT = { width: 1280, height: 800 };
const FPS_TARGET = 0.9; // app fps ÷ bare sigma fps

interface PageRun {
  firstFrameMs: number;
  fps: number;
  frames: number;
  heapMb: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** Static files from `roots` (first match wins); /api/* answered as an empty database for the app. */
function serve(roots: string[]): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: 'ok',
          neo4j: { version: 'bench', edition: 'none', database: 'none', uri: 'none', embedded: true },
          counts: { nodes: 0, relationships: 0 },
        }),
      );
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: { code: 'NOT_FOUND', message: `The render benchmark serves no ${url.pathname}` } }),
      );
      return;
    }
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = roots
      .map((root) => path.join(root, relative))
      .find((f) => f.startsWith(path.dirname(f)) && existsSync(f) && statSync(f).isFile());
    if (!file || relative.includes('..')) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

async function bundleBarePage(out: string): Promise<void> {
  await build({
    entryPoints: {
      'bare-sigma': path.join(__dirname, 'bare-sigma-entry.ts'),
      'fa2-worker': path.join(__dirname, 'fa2-worker-entry.ts'),
    },
    outdir: out,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    logLevel: 'error',
  });
  copyFileSync(path.join(__dirname, 'bare-sigma.html'), path.join(out, 'index.html'));
}

function buildApp(out: string, log: (line: string) => void): boolean {
  if (!existsSync(path.join(PROJECT_DIR, 'client', 'main.ts'))) {
    log('client/main.ts is missing: the app page is skipped');
    return false;
  }
  const vite = path.join(PROJECT_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'client/vite.config.ts', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: PROJECT_DIR,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) {
    log(`vite build of the app failed: the app page is skipped\n${result.stderr.slice(-2000)}`);
    return false;
  }
  return true;
}

function benchGraph(nodes: number): BenchGraph {
  const graph = syntheticGraph({ nodes, seed: nodes, layout: true });
  return {
    nodes: graph.mapNodes((id, a) => ({
      id,
      type: a.type as string,
      name: a.name as string,
      x: a.x as number,
      y: a.y as number,
    })),
    edges: graph.mapEdges((id, a, source, target) => ({ id, source, target, type: a.type as string })),
  };
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: Array<{ name: string; value: number }>;
    };
    return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / 1024 / 1024;
  } finally {
    await cdp.detach();
  }
}

/** Pans in a circle while zooming in and out for `seconds` (and 3 frames at least); counts the frames sigma renders. */
async function panAndZoom(page: Page, seconds: number): Promise<{ fps: number; frames: number }> {
  return page.evaluate(async (ms) => {
    const sigma = (window.__bench?.sigma ?? window.__dossier?.sigma) as unknown as {
      getCamera(): { setState(state: { x?: number; y?: number; ratio?: number }): void };
      on(event: string, fn: () => void): void;
      off(event: string, fn: () => void): void;
    };
    let frames = 0;
    const count = () => frames++;
    sigma.on('afterRender', count);
    const camera = sigma.getCamera();
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const step = () => {
        const elapsed = performance.now() - start;
        const t = (elapsed / ms) % 1;
        // At least 3 frames (a big graph on SwiftShader takes seconds per frame), at most 2 minutes.
        if ((elapsed >= ms && frames >= 3) || elapsed > 120_000) return resolve();
        const angle = t * Math.PI * 4;
        camera.setState({
          x: 0.5 + 0.2 * Math.cos(angle),
          y: 0.5 + 0.2 * Math.sin(angle),
          ratio: 1 - 0.6 * Math.sin(t * Math.PI),
        });
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    const elapsed = performance.now() - start;
    sigma.off('afterRender', count);
    camera.setState({ x: 0.5, y: 0.5, ratio: 1 });
    return { fps: (frames * 1000) / elapsed, frames };
  }, seconds * 1000);
}

async function runBare(
  context: BrowserContext,
  base: string,
  size: number,
  seconds: number,
): Promise<PageRun & { fa2: number }> {
  const page = await context.newPage();
  try {
    await page.goto(`${base}/index.html`);
    await page.waitForFunction(() => Boolean(window.__bench));
    await page.evaluate((url) => window.__bench!.fetchGraph(url), `${base}/graph-${size}.json`);
    const firstFrameMs = await page.evaluate(() => window.__bench!.draw());
    const heap = await heapMb(page);
    const { fps, frames } = await panAndZoom(page, seconds);
    const fa2 = await page.evaluate((s) => window.__bench!.fa2(s), Math.min(4, seconds));
    return { firstFrameMs, fps, frames, heapMb: heap, fa2: fa2.iterationsPerSecond };
  } finally {
    await page.close();
  }
}

async function runApp(
  context: BrowserContext,
  base: string,
  size: number,
  seconds: number,
  settings: Record<string, unknown> = {},
): Promise<PageRun> {
  const page = await context.newPage();
  try {
    await page.goto(`${base}/index.html`);
    await page.waitForFunction(() => Boolean(window.__dossier));
    await page.evaluate(() => window.__dossier!.ready);
    await page.evaluate(async (url) => {
      (window as unknown as { __benchGraph: unknown }).__benchGraph = await (await fetch(url)).json();
    }, `${base}/graph-${size}.json`);
    const firstFrameMs = await page.evaluate(async () => {
      const d = window.__dossier!;
      const data = (
        window as unknown as {
          __benchGraph: {
            nodes: Array<{ id: string; type: string; name: string; x: number; y: number }>;
            edges: Array<{ id: string; source: string; target: string; type: string }>;
          };
        }
      ).__benchGraph;
      const subgraph = {
        nodes: data.nodes.map((n) => ({ id: n.id, type: n.type, name: n.name, attributes: {} })),
        edges: data.edges.map((e) => ({
          id: e.id,
          source: e.source,
          target: e.target,
          type: e.type,
          evidenceCount: 1,
          attributes: {},
        })),
      };
      // Every node comes with the bare page's position, so the app runs no layout step: both pages draw
      // the same picture.
      const positions = Object.fromEntries(data.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
      const start = performance.now();
      const rendered = new Promise<void>((resolve) => d.sigma.once('afterRender', () => resolve()));
      await d.app.applySubgraph(subgraph, 'replace', 'Benchmark graph', { positions });
      await rendered;
      const painted = await new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      const elapsed = painted - start;
      (d.state.ui as { update(fn: (s: Record<string, unknown>) => Record<string, unknown>): void }).update((s) => ({
        ...s,
        status: 'ready',
        message: null,
      }));
      d.sigma.refresh();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return elapsed;
    });
    const heap = await heapMb(page);
    if (Object.keys(settings).length > 0) {
      await page.evaluate((changes) => {
        const sigma = window.__dossier!.sigma as unknown as { setSetting(key: string, value: unknown): void };
        for (const [key, value] of Object.entries(changes)) sigma.setSetting(key, value);
      }, settings);
    }
    const { fps, frames } = await panAndZoom(page, seconds);
    return { firstFrameMs, fps, frames, heapMb: heap };
  } finally {
    await page.close();
  }
}

function sizes(quick: boolean): number[] {
  const fromEnv = process.env.BENCH_RENDER_SIZES?.split(',')
    .map(Number)
    .filter((n) => n > 0);
  if (fromEnv?.length) return fromEnv;
  return quick ? [1_000, 10_000] : [1_000, 10_000, 50_000, 100_000];
}

export const renderSuite: Suite = {
  name: 'render',
  description: 'headless Chromium (WebGL on the CPU via SwiftShader): bare sigma against the app’s graph view',
  async run({ quick, runs, log }): Promise<SuiteReport> {
    if (!existsSync(CHROMIUM_PATH))
      throw new Error(`render: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set DOSSIER_CHROMIUM)`);
    const work = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-render-'));
    const bareDir = path.join(work, 'bare');
    const appDir = path.join(work, 'app');
    const dataDir = path.join(work, 'data');
    const userDataDir = path.join(work, 'profile');
    const seconds = quick ? 3 : 5;
    const repeatFor = (size: number) => (quick || size >= 50_000 ? 1 : Math.min(runs, 3));
    const servers: Server[] = [];
    let context: BrowserContext | undefined;
    try {
      await bundleBarePage(bareDir);
      const appBuilt = buildApp(appDir, log);
      mkdirSync(dataDir, { recursive: true });
      for (const size of sizes(quick)) {
        const graph = benchGraph(size);
        writeFileSync(path.join(dataDir, `graph-${size}.json`), JSON.stringify(graph));
      }
      const bare = await serve([bareDir, dataDir]);
      const app = await serve([appDir, dataDir]);
      servers.push(bare.server, app.server);
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: VIEWPORT,
        timeout: 60_000,
      });
      context.setDefaultTimeout(600_000);
      // tsx compiles this file with esbuild's keepNames, which wraps the functions given to page.evaluate in
      // a __name() helper that only exists in Node: give the pages a no-op one.
      await context.addInitScript('globalThis.__name = (target) => target;');
      const rows: Array<Array<string | number>> = [];
      const data: unknown[] = [];
      for (const size of sizes(quick)) {
        const bareRuns: Array<PageRun & { fa2: number }> = [];
        const appRuns: PageRun[] = [];
        const repeat = repeatFor(size);
        for (let r = 0; r < repeat; r++) {
          // Alternate the order so that neither page always runs on a warmer machine.
          const order = r % 2 === 0 ? ['bare', 'app'] : ['app', 'bare'];
          for (const which of order) {
            if (which === 'bare') {
              const run = await runBare(context, bare.base, size, seconds);
              bareRuns.push(run);
              log(
                `${size} nodes, bare sigma run ${r + 1}/${repeat}: first frame ${Math.round(run.firstFrameMs)} ms, ${run.fps.toFixed(1)} fps, heap ${Math.round(run.heapMb)} MB, FA2 ${run.fa2.toFixed(2)} it/s`,
              );
            } else if (appBuilt) {
              const run = await runApp(context, app.base, size, seconds);
              appRuns.push(run);
              log(
                `${size} nodes, app run ${r + 1}/${repeat}: first frame ${Math.round(run.firstFrameMs)} ms, ${run.fps.toFixed(1)} fps, heap ${Math.round(run.heapMb)} MB`,
              );
            }
          }
        }
        const edges = Math.round(size * 2.5);
        const m = (list: PageRun[], key: keyof PageRun) => median(list.map((run) => run[key]));
        const bareFps = m(bareRuns, 'fps');
        const appFps = m(appRuns, 'fps');
        const fpsRatio = ratio(appFps, bareFps);
        rows.push([
          size,
          edges,
          'bare sigma',
          round(m(bareRuns, 'firstFrameMs')),
          round(bareFps),
          round(m(bareRuns, 'heapMb')),
          round(median(bareRuns.map((b) => b.fa2))),
          '',
          '',
        ]);
        rows.push([
          size,
          edges,
          'app graph view',
          round(m(appRuns, 'firstFrameMs')),
          round(appFps),
          round(m(appRuns, 'heapMb')),
          '(same worker code)',
          round(fpsRatio),
          appRuns.length ? `≥ ${FPS_TARGET}×: ${verdict(fpsRatio, FPS_TARGET, 'atLeast')}` : 'n/a: app not built',
        ]);
        data.push({ size, edges, bare: bareRuns, app: appRuns, fpsRatio });
      }
      // Where the app's frames go: the same 10k graph with some of the app's sigma settings turned off.
      const diagnosticSize = sizes(quick).includes(10_000) ? 10_000 : sizes(quick)[0];
      const diagnostics: Array<[string, Record<string, unknown>]> = [
        ['app, edge events off', { enableEdgeEvents: false }],
        ['app, edge events and edge labels off', { enableEdgeEvents: false, renderEdgeLabels: false }],
        [
          'app, edge events, edge labels and z-index off',
          { enableEdgeEvents: false, renderEdgeLabels: false, zIndex: false },
        ],
      ];
      const diagnosticRows: Array<Array<string | number>> = [];
      const bareAtSize = (data as Array<{ size: number; bare: PageRun[] }>).find((d) => d.size === diagnosticSize);
      const bareFpsAtSize = median(bareAtSize?.bare.map((b) => b.fps) ?? []);
      if (appBuilt && !process.env.BENCH_RENDER_NO_DIAGNOSTICS) {
        for (const [label, settings] of diagnostics) {
          const run = await runApp(context, app.base, diagnosticSize, seconds, settings);
          log(`${diagnosticSize} nodes, ${label}: ${run.fps.toFixed(2)} fps`);
          diagnosticRows.push([diagnosticSize, label, round(run.fps), round(ratio(run.fps, bareFpsAtSize))]);
          data.push({ size: diagnosticSize, diagnostic: label, settings, run });
        }
      }
      return {
        suite: 'render',
        tables: [
          {
            title: `Rendering in headless Chromium, WebGL on the CPU (SwiftShader), ${VIEWPORT.width}×${VIEWPORT.height} (medians of ${repeatFor(1000)} runs up to 10k nodes, 1 run above; ${seconds} s of pan and zoom, 3 frames at least)`,
            columns: [
              'nodes',
              'edges',
              'page',
              'first frame ms',
              'fps (pan+zoom)',
              'JS heap MB',
              'FA2 it/s (worker)',
              'fps ratio app/bare',
              'target',
            ],
            rows,
            notes: [
              'SwiftShader renders WebGL on the CPU: absolute fps are far below a real GPU’s and fall with the number of pixels and vertices; the ratio between the two pages, measured in the same run, is the figure that matters.',
              'First frame: from the graph data in page memory to the first frame painted (bare: building the graphology graph and sigma; app: `applySubgraph`, which also records an undo snapshot). FA2: graphology-layout-forceatlas2 in a web worker with inferred settings (Barnes-Hut above 2,000 nodes), the library the app’s layout worker runs.',
            ],
          },
          ...(diagnosticRows.length
            ? [
                {
                  title: `Where the app's frames go (${diagnosticSize} nodes, one run each, against the bare page's median above)`,
                  columns: ['nodes', 'page', 'fps (pan+zoom)', 'fps ratio to bare'],
                  rows: diagnosticRows,
                  notes: [
                    'Settings changed with `sigma.setSetting` after the graph is drawn; everything else as in the app.',
                  ],
                },
              ]
            : []),
        ],
        notes: [],
        data,
      };
    } finally {
      await context?.close().catch(() => undefined);
      for (const server of servers) server.close();
      rmSync(work, { recursive: true, force: true });
    }
  },
};
