/**
 * What the graph view does differently for large views, checked in Chromium on what sigma draws: plain
 * circles and lines for a view of many nodes seen whole, pictograms and arrows once zoomed in; the z-index
 * sort off above its node count; the edges' picking pass left out while the camera moves and back once it
 * rests; and undo and redo across steps whose "after" is taken only when needed.
 */
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../../support/browser';
import { withSeededExplorer } from '../../support/seeded-explorer';

interface ViewSpec {
  nodes: number;
  /** Edges from node i to node i + 1 (and i + 7), as many as the nodes allow. */
  chain?: boolean;
  /** Spread of the positions on each axis. */
  spread?: number;
  mode?: 'replace' | 'add';
  prefix?: string;
}

/** Puts a synthetic view into the app through `applySubgraph`, every node placed (no layout step). */
async function applyView(page: Page, spec: ViewSpec): Promise<void> {
  await page.evaluate(async ({ nodes, chain = true, spread = 1000, mode = 'replace', prefix = 'n' }) => {
    const types = ['Person', 'State', 'Organization', 'Place', 'Event'];
    const ids = Array.from({ length: nodes }, (_, i) => `${prefix}${i}`);
    const edges = chain
      ? ids.flatMap((id, i) =>
          [i + 1, i + 7]
            .filter((j) => j < nodes)
            .map((j) => ({
              id: `${id}-${prefix}${j}`,
              source: id,
              target: `${prefix}${j}`,
              type: 'MET_WITH',
              evidenceCount: 1,
              attributes: {},
            })),
        )
      : [];
    // A golden-angle spiral: every node on its own spot, the view filling the canvas.
    const positions = Object.fromEntries(
      ids.map((id, i) => {
        const r = spread * Math.sqrt((i + 0.5) / nodes);
        return [id, { x: r * Math.cos(i * 2.39996), y: r * Math.sin(i * 2.39996) }];
      }),
    );
    await window.__dossier!.app.applySubgraph(
      {
        nodes: ids.map((id, i) => ({ id, type: types[i % types.length], name: `Node ${id}`, attributes: {} })),
        edges,
      },
      mode,
      `${nodes} nodes`,
      { positions },
    );
  }, spec);
}

/** The sigma programs of the first node and edge as sigma last processed them. */
const programs = (page: Page) =>
  page.evaluate(() => {
    const sigma = window.__dossier!.sigma;
    const g = window.__dossier!.graph;
    return { node: sigma.getNodeDisplayData(g.nodes()[0])?.type, edge: sigma.getEdgeDisplayData(g.edges()[0])?.type };
  });

const setRatio = (page: Page, ratio: number) =>
  page.evaluate(async (r) => {
    window.__dossier!.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: r });
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, ratio);

describeInBrowser('large views in Chromium', () => {
  const explorer = withSeededExplorer();
  const { pageErrors } = explorer;

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it('draws a view of 1,000 nodes seen whole as plain circles and lines, and pictograms and arrows zoomed in', async () => {
    const page = await explorer.open();
    await applyView(page, { nodes: 1000 });
    await setRatio(page, 1);
    expect(await programs(page)).toEqual({ node: 'circle', edge: 'line' });
    await setRatio(page, 0.2); // about 40 nodes on screen
    expect(await programs(page)).toEqual({ node: 'pictogram', edge: 'straight' });
    await setRatio(page, 1);
    expect(await programs(page)).toEqual({ node: 'circle', edge: 'line' });
    // A small view is drawn in full at every zoom.
    await applyView(page, { nodes: 40 });
    await setRatio(page, 1);
    expect(await programs(page)).toEqual({ node: 'pictogram', edge: 'straight' });
    await page.close();
  }, 120_000);

  it('leaves the z-index sort out above 5,000 nodes and puts it back for a small view', async () => {
    const page = await explorer.open();
    const zIndex = () => page.evaluate(() => window.__dossier!.sigma.getSetting('zIndex'));
    expect(await zIndex()).toBe(true);
    await applyView(page, { nodes: 6000, chain: false });
    await page.waitForFunction(() => window.__dossier!.sigma.getSetting('zIndex') === false);
    // Hovering a node still works, and the hovered node is drawn on sigma's hover layer.
    const first = await page.evaluate(() => window.__dossier!.graph.nodes()[0]);
    await page.evaluate(
      (id) =>
        (window.__dossier!.state.view as { update(fn: (s: object) => object): void }).update((s) => ({
          ...s,
          hovered: id,
        })),
      first,
    );
    expect(await page.evaluate((id) => window.__dossier!.sigma.getNodeDisplayData(id)?.highlighted, first)).toBe(true);
    await applyView(page, { nodes: 20 });
    await page.waitForFunction(() => window.__dossier!.sigma.getSetting('zIndex') === true);
    await page.close();
  }, 180_000);

  it('leaves the edges out of picking while the camera moves, and picks them again once it rests', async () => {
    const page = await explorer.open();
    await applyView(page, { nodes: 200 });
    const active = () => page.evaluate(() => window.__dossier!.app.graphView.edgePickingActive());
    await page.waitForFunction(() => window.__dossier!.app.graphView.edgePickingActive());
    // Frames drawn while the camera animates: the camera moved since the frame before each of them.
    const duringMove = await page.evaluate(async () => {
      const sigma = window.__dossier!.sigma;
      const seen: boolean[] = [];
      const record = () => seen.push(window.__dossier!.app.graphView.edgePickingActive());
      sigma.on('afterRender', record);
      await sigma.getCamera().animate({ x: 0.4, y: 0.6, ratio: 0.7 }, { duration: 400 });
      sigma.off('afterRender', record);
      return seen;
    });
    expect(duringMove.length).toBeGreaterThan(0);
    expect(duringMove.slice(0, -1).every((picked) => !picked)).toBe(true);
    await page.waitForFunction(() => window.__dossier!.app.graphView.edgePickingActive());
    expect(await active()).toBe(true);
    await page.close();
  }, 90_000);

  it('undoes and redoes two steps in a row, each back to its own view', async () => {
    const page = await explorer.open();
    const nodes = () => page.evaluate(() => window.__dossier!.graph.nodes().sort());
    const first = await nodes();
    await applyView(page, { nodes: 3, prefix: 'a' });
    await applyView(page, { nodes: 2, prefix: 'b', mode: 'add' });
    const both = await nodes();
    expect(both).toEqual(['a0', 'a1', 'a2', 'b0', 'b1']);
    // A node moved after the last step, not itself a step, is part of that step's view.
    await page.evaluate(() => window.__dossier!.graph.mergeNodeAttributes('b0', { x: 777, y: 555 }));
    const undo = () => page.evaluate(() => window.__dossier!.app.undo());
    const redo = () => page.evaluate(() => window.__dossier!.app.redo());
    await undo();
    expect(await nodes()).toEqual(['a0', 'a1', 'a2']);
    await undo();
    expect(await nodes()).toEqual(first);
    await redo();
    expect(await nodes()).toEqual(['a0', 'a1', 'a2']);
    await redo();
    expect(await nodes()).toEqual(both);
    expect(await page.evaluate(() => window.__dossier!.graph.getNodeAttributes('b0'))).toMatchObject({
      x: 777,
      y: 555,
    });
    await page.close();
  }, 90_000);
});
