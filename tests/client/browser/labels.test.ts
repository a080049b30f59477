/**
 * Labels an analyst can read, checked on what sigma drew (its displayed labels and the boxes the label
 * drawer filled) at three screen sizes: the hubs, the selection and the hovered neighbourhood are
 * labelled, no two labels overlap, none runs off the canvas after Fit or under the controls.
 */
import type { Page } from 'playwright-core';
import { boxQuad, quadsOverlap, type Quad } from '../../../client/appearance/edge-label-guard';
import { describeInBrowser } from '../../support/browser';
import { nodeOnPage, overlapping, settledLabels, type ShownLabel, type Viewport } from '../../support/explorer-page';
import { withSeededExplorer } from '../../support/seeded-explorer';

const VIEWPORTS: Viewport[] = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

describeInBrowser('labels in Chromium', () => {
  const explorer = withSeededExplorer();
  const { pageErrors } = explorer;

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  /** The five best connected nodes in view, by the degree the view sizes them by. */
  const hubs = (page: Page) =>
    page.evaluate(() => {
      const g = window.__dossier!.graph;
      const degree = (id: string) => Math.max(Number(g.getNodeAttribute(id, 'data').degree ?? 0), g.degree(id));
      return g
        .nodes()
        .sort((a, b) => degree(b) - degree(a))
        .slice(0, 5);
    });

  const canvas = (page: Page) =>
    page.evaluate(() => {
      const { width, height } = window.__dossier!.sigma.getDimensions();
      return { width, height };
    });

  const outside = (labels: ShownLabel[], size: { width: number; height: number }) =>
    labels
      .filter((l) => l.box.x0 < 0 || l.box.y0 < 0 || l.box.x1 > size.width || l.box.y1 > size.height)
      .map((l) => l.id);

  /**
   * The nodes (all, or the neighbours of one) on screen: inside the canvas and not under a control drawn
   * over it (the canvas controls, the collapse buttons), where no label may go, so a node there cannot be
   * labelled however close the camera.
   */
  const onScreen = (page: Page, neighboursOf?: string) =>
    page.evaluate((of) => {
      const g = window.__dossier!.graph;
      const sigma = window.__dossier!.sigma;
      const { width, height } = sigma.getDimensions();
      const origin = document.querySelector('#graph')!.getBoundingClientRect();
      const covered = [...document.querySelectorAll<HTMLElement>('[data-label-obstacle]')]
        .filter((element) => element.offsetParent !== null)
        .map((element) => element.getBoundingClientRect());
      return (of === undefined ? g.nodes() : g.neighbors(of)).filter((n) => {
        const p = sigma.graphToViewport(g.getNodeAttributes(n));
        const under = covered.some(
          (r) =>
            p.x >= r.left - origin.left &&
            p.x <= r.right - origin.left &&
            p.y >= r.top - origin.top &&
            p.y <= r.bottom - origin.top,
        );
        return p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height && !under;
      });
    }, neighboursOf);

  for (const viewport of VIEWPORTS) {
    it(`labels the five hubs and the selection without overlap or clipping at ${viewport.width}×${viewport.height}`, async () => {
      const page = await explorer.open({ viewport });
      const top = await hubs(page);
      let labels = await settledLabels(page);
      const drawn = new Set(labels.map((l) => l.id));
      expect(top.filter((id) => !drawn.has(id))).toEqual([]);
      const displayed = await page.evaluate(() => [...window.__dossier!.sigma.getNodeDisplayedLabels()]);
      expect(new Set(displayed)).toEqual(drawn);
      expect(overlapping(labels)).toEqual([]);
      expect(outside(labels, await canvas(page))).toEqual([]);

      // A small node, selected, gets its label; the hubs keep theirs; still no overlap.
      const small = await page.evaluate(() => {
        const g = window.__dossier!.graph;
        const sigma = window.__dossier!.sigma;
        const { width, height } = sigma.getDimensions();
        return g
          .nodes()
          .filter((id) => {
            const at = sigma.graphToViewport(g.getNodeAttributes(id));
            return at.x > 0 && at.y > 0 && at.x < width && at.y < height;
          })
          .sort((a, b) => g.degree(a) - g.degree(b))[0];
      });
      await page.evaluate((id) => window.__dossier!.app.select({ kind: 'node', id }), small);
      labels = await settledLabels(page);
      const afterSelect = new Set(labels.map((l) => l.id));
      expect(afterSelect.has(small)).toBe(true);
      expect(top.filter((id) => !afterSelect.has(id))).toEqual([]);
      expect(overlapping(labels)).toEqual([]);

      // Nothing is drawn under the label density control.
      const controls = (await page.locator('.graph-controls').boundingBox())!;
      const graph = (await page.locator('#graph').boundingBox())!;
      const under = labels.filter(
        (l) =>
          l.box.x1 > controls.x - graph.x &&
          l.box.x0 < controls.x - graph.x + controls.width &&
          l.box.y1 > controls.y - graph.y &&
          l.box.y0 < controls.y - graph.y + controls.height,
      );
      expect(under).toEqual([]);
      await page.close();
    }, 90_000);
  }

  it('labels the hovered hub and most of its neighbours, and every one of them closer', async () => {
    const page = await explorer.open({ viewport: { width: 1366, height: 768 } });
    await settledLabels(page);
    const [hub] = await hubs(page);
    const hoverHub = async () => {
      const at = await nodeOnPage(page, hub);
      await page.mouse.move(at.x - 150, at.y - 150);
      await page.mouse.move(at.x, at.y, { steps: 5 });
      await page.waitForFunction(
        (id) => (window.__dossier!.state.view as { get(): { hovered: string | null } }).get().hovered === id,
        hub,
        { timeout: 5_000 },
      );
    };
    const neighboursOnScreen = () => onScreen(page, hub);
    await hoverHub();
    let labels = await settledLabels(page);
    let drawn = new Set(labels.map((l) => l.id));
    let around = await neighboursOnScreen();
    expect(drawn.has(hub)).toBe(true);
    expect(around.length).toBeGreaterThan(10);
    // in the overview a few neighbours may find no free spot (no overlap wins); closer, every one is labelled
    expect(around.filter((id) => drawn.has(id)).length).toBeGreaterThanOrEqual(Math.ceil(around.length * 0.85));
    expect(overlapping(labels)).toEqual([]);

    // Closer (the camera centred on the hub), there is room for every one of them.
    await page.mouse.move(5, 5);
    await page.evaluate((id) => {
      const display = window.__dossier!.sigma.getNodeDisplayData(id)!;
      const ratio = window.__dossier!.sigma.getCamera().getState().ratio / 2.5;
      window.__dossier!.sigma.getCamera().setState({ x: display.x, y: display.y, ratio });
    }, hub);
    await hoverHub();
    labels = await settledLabels(page);
    drawn = new Set(labels.map((l) => l.id));
    around = await neighboursOnScreen();
    expect(around.length).toBeGreaterThan(10);
    expect(around.filter((id) => !drawn.has(id))).toEqual([]);
    expect(overlapping(labels)).toEqual([]);
    await page.close();
  }, 60_000);

  it('draws more labels as the density goes up, and only the ones that must be seen at zero', async () => {
    const page = await explorer.open({ viewport: { width: 1280, height: 720 } });
    const counts: number[] = [];
    for (const value of ['0', '50', '100']) {
      await page.locator('input[aria-label="Label density"]').fill(value);
      const labels = await settledLabels(page);
      expect(overlapping(labels)).toEqual([]);
      counts.push(labels.length);
    }
    expect(counts[0]).toBeLessThan(counts[1]);
    expect(counts[1]).toBeLessThanOrEqual(counts[2]);
    // At zero: the hubs only (nothing is selected or hovered).
    const top = await hubs(page);
    await page.locator('input[aria-label="Label density"]').fill('0');
    const few = await settledLabels(page);
    expect(few.length).toBeLessThanOrEqual(20);
    expect(top.filter((id) => !few.some((l) => l.id === id))).toEqual([]);
    await page.locator('input[aria-label="Label density"]').fill('50');
    await page.close();
  }, 60_000);

  it('labels every node on screen once zoomed in, and Fit brings every label back inside the canvas', async () => {
    const page = await explorer.open({ viewport: { width: 1366, height: 768 } });
    const [hub] = await hubs(page);
    await page.evaluate((id) => {
      const display = window.__dossier!.sigma.getNodeDisplayData(id)!;
      window.__dossier!.sigma.getCamera().setState({ x: display.x, y: display.y, ratio: 0.25 });
    }, hub);
    const labels = await settledLabels(page);
    const seen = await onScreen(page);
    const drawn = new Set(labels.map((l) => l.id));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((id) => !drawn.has(id))).toEqual([]);
    expect(overlapping(labels)).toEqual([]);

    await page.locator('#graph').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('f');
    await page.waitForTimeout(600);
    const fitted = await settledLabels(page);
    expect(fitted.length).toBeGreaterThan(5);
    expect(outside(fitted, await canvas(page))).toEqual([]);
    await page.close();
  }, 60_000);

  it('draws no edge label over a node label or another edge label, zoomed in or around a hovered hub', async () => {
    const page = await explorer.open({ viewport: { width: 1366, height: 768 } });
    const [hub] = await hubs(page);
    const check = async () => {
      const nodeLabels = await settledLabels(page);
      const edgeLabels = await page.evaluate(() => window.__dossier!.app.graphView.drawnEdgeLabels());
      const nodeQuads = nodeLabels.map((l) => boxQuad(l.box));
      const clashes: string[] = [];
      edgeLabels.forEach((edge, i) => {
        for (const q of edge.quads as Quad[]) {
          if (nodeQuads.some((n) => quadsOverlap(q, n))) clashes.push(`${edge.id} over a node label`);
          for (const other of edgeLabels.slice(i + 1))
            if ((other.quads as Quad[]).some((o) => quadsOverlap(q, o))) clashes.push(`${edge.id} over ${other.id}`);
        }
      });
      return { count: edgeLabels.length, clashes: [...new Set(clashes)] };
    };
    await page.evaluate((id) => {
      const display = window.__dossier!.sigma.getNodeDisplayData(id)!;
      window.__dossier!.sigma.getCamera().setState({ x: display.x, y: display.y, ratio: 0.3 });
    }, hub);
    const zoomed = await check();
    expect(zoomed.count).toBeGreaterThan(3);
    expect(zoomed.clashes).toEqual([]);

    await page.keyboard.press('f');
    await page.waitForTimeout(600);
    const at = await nodeOnPage(page, hub);
    await page.mouse.move(at.x - 150, at.y - 150);
    await page.mouse.move(at.x, at.y, { steps: 5 });
    await page.waitForTimeout(400);
    const hovered = await check();
    expect(hovered.count).toBeGreaterThan(0);
    expect(hovered.clashes).toEqual([]);
    await page.close();
  }, 60_000);
});
