/**
 * Metrics and layouts in a real Chromium: size by PageRank and colour by Louvain community with their
 * legend, a metric on one node, ForceAtlas2 with the analyst's settings, circular and circle packing, each
 * layout one undoable step that leaves pinned nodes where they are.
 */
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../../support/browser';
import { nodeOnPage, overlapping, settledLabels } from '../../support/explorer-page';
import { withSeededExplorer } from '../../support/seeded-explorer';

describeInBrowser('metrics and layouts in Chromium', () => {
  const explorer = withSeededExplorer();
  const { pageErrors } = explorer;

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  const positions = (page: Page) =>
    page.evaluate(() => Object.fromEntries(window.__dossier!.graph.mapNodes((id, a) => [id, [a.x, a.y]])));

  it('sizes nodes by PageRank, says so in the legend, and labels the five largest by it', async () => {
    const page = await explorer.open({ viewport: { width: 1366, height: 768 } });
    await page.getByLabel('Size nodes by').selectOption('pagerank');
    await page.locator('.metric-range').waitFor({ timeout: 15_000 });
    expect(await page.locator('.metric-range').textContent()).toMatch(/^Size: PageRank from [\d.e-]+ to [\d.e-]+$/);
    const top = await page.evaluate(() => {
      const result = (
        window.__dossier!.app.metrics.get() as { result: { values: { pagerank: Record<string, number> } } }
      ).result;
      return Object.entries(result.values.pagerank)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([id]) => id);
    });
    // Sigma draws the PageRank sizes: the first is drawn at the largest size, bigger than the fifth.
    const sizes = await page.evaluate(
      (ids) => ids.map((id) => window.__dossier!.sigma.getNodeDisplayData(id)!.size),
      top,
    );
    expect(sizes[0]).toBeGreaterThan(sizes[4]);
    const labels = await settledLabels(page);
    const drawn = new Set(labels.map((l) => l.id));
    expect(top.filter((id) => !drawn.has(id))).toEqual([]);
    expect(overlapping(labels)).toEqual([]);
    await page.close();
  }, 60_000);

  it('colours nodes by Louvain community, lists the communities in the legend, and selects one from the menu', async () => {
    const page = await explorer.open({ viewport: { width: 1366, height: 768 } });
    await page.getByLabel('Colour nodes by').selectOption('community');
    await page.locator('.community-legend li').first().waitFor({ timeout: 15_000 });
    const { total, counted, coloured } = await page.evaluate(() => {
      const app = window.__dossier!.app;
      const result = (app.metrics.get() as { result: { communities: Record<string, number> } }).result;
      const visible = app.visibleNodeIds();
      const colours = visible.map((id) => window.__dossier!.sigma.getNodeDisplayData(id)!.color);
      const counts = [...document.querySelectorAll('.community-legend .count')].map((e) => Number(e.textContent));
      // Nodes of one community share one colour, and two large communities differ.
      const byCommunity = new Map<number, Set<string>>();
      visible.forEach((id, i) => {
        const c = result.communities[id];
        if (!byCommunity.has(c)) byCommunity.set(c, new Set());
        byCommunity.get(c)!.add(colours[i]);
      });
      return {
        total: visible.length,
        counted: counts.reduce((a, b) => a + b, 0),
        coloured: [0, 1].map((c) => [...(byCommunity.get(c) ?? [])]),
      };
    });
    expect(counted).toBe(total);
    expect(coloured[0]).toHaveLength(1);
    expect(coloured[1]).toHaveLength(1);
    expect(coloured[0][0]).not.toBe(coloured[1][0]);

    // The context menu selects a node's whole community.
    const hub = await page.evaluate(() => {
      const g = window.__dossier!.graph;
      return g.nodes().sort((a, b) => g.degree(b) - g.degree(a))[0];
    });
    const at = await nodeOnPage(page, hub);
    await page.mouse.click(at.x, at.y, { button: 'right' });
    await page
      .locator('.context-menu')
      .getByRole('menuitem', { name: /^Select its community \(\d+\)$/ })
      .click();
    const { selected, members } = await page.evaluate((id) => {
      const app = window.__dossier!.app;
      const communities = (app.metrics.get() as { result: { communities: Record<string, number> } }).result.communities;
      return {
        selected: app.selectedNodeIds(),
        members: app
          .visibleNodeIds()
          .filter((n) => communities[n] === communities[id])
          .sort(),
      };
    }, hub);
    expect(selected).toEqual(members);
    expect(members.length).toBeGreaterThan(1);
    await page.getByLabel('Colour nodes by').selectOption('type');
    await page.close();
  }, 60_000);

  it('says plainly that every metric is the same when one node is in view', async () => {
    const page = await explorer.open({ viewport: { width: 1280, height: 720 } });
    const keep = await page.evaluate(() => window.__dossier!.graph.nodes()[0]);
    await page.evaluate((id) => window.__dossier!.app.keepOnly([id]), keep);
    await page.getByLabel('Size nodes by').selectOption('betweenness');
    await page.locator('.metric-legend .hint').waitFor({ timeout: 15_000 });
    expect(await page.locator('.metric-legend .hint').textContent()).toBe(
      'One node in view: every metric is the same for all of it.',
    );
    await page.close();
  }, 60_000);

  it('runs ForceAtlas2 with the settings chosen, leaves a pinned node where it is, and undoes it as one step', async () => {
    const page = await explorer.open({ viewport: { width: 1366, height: 768 } });
    await page.locator('.layout-controls summary').click();
    await page.getByLabel('Gravity', { exact: true }).fill('3');
    await page.getByLabel('Gravity', { exact: true }).press('Enter');
    await page.getByLabel('LinLog', { exact: true }).check();
    await page.getByLabel('Barnes-Hut approximation').selectOption('on');
    expect(await page.evaluate(() => window.__dossier!.app.layoutSettings.get())).toMatchObject({
      gravity: 3,
      linLogMode: true,
      barnesHut: 'on',
      noverlap: true,
    });
    const pinned = await page.evaluate(() => window.__dossier!.graph.nodes()[0]);
    await page.evaluate((id) => window.__dossier!.app.pin([id], true), pinned);
    const before = await positions(page);
    await page.getByRole('button', { name: 'ForceAtlas2', exact: true }).click();
    await page.waitForFunction(
      (label) => {
        const h = window.__dossier!.app.history.get();
        return h.past.at(-1)?.label === label;
      },
      'ForceAtlas2',
      { timeout: 20_000 },
    );
    const after = await positions(page);
    expect(after[pinned]).toEqual(before[pinned]);
    expect(Object.keys(after).some((id) => after[id][0] !== before[id][0])).toBe(true);
    await page.keyboard.press('ControlOrMeta+z');
    expect(await positions(page)).toEqual(before);
    await page.close();
  }, 60_000);

  it('puts every node on one circle, without noverlap moving them off it', async () => {
    const page = await explorer.open({ viewport: { width: 1366, height: 768 } });
    await page.locator('.layout-controls summary').click();
    await page.getByLabel('Remove overlaps after', { exact: true }).uncheck();
    await page.getByRole('button', { name: 'Circle', exact: true }).click();
    await page.waitForFunction(
      () => window.__dossier!.app.history.get().past.at(-1)?.label === 'Circular layout',
      undefined,
      {
        timeout: 20_000,
      },
    );
    const radii = await page.evaluate(() => {
      const g = window.__dossier!.graph;
      const xs = g.mapNodes((_id, a) => a.x);
      const ys = g.mapNodes((_id, a) => a.y);
      const cx = xs.reduce((a, b) => a + b, 0) / xs.length;
      const cy = ys.reduce((a, b) => a + b, 0) / ys.length;
      return xs.map((x, i) => Math.hypot(x - cx, ys[i] - cy));
    });
    const mean = radii.reduce((a, b) => a + b, 0) / radii.length;
    expect(radii.every((r) => Math.abs(r - mean) / mean < 0.05)).toBe(true);
    await page.close();
  }, 60_000);

  it('packs the nodes of a type together: closer to their own type than to the others', async () => {
    const page = await explorer.open({ viewport: { width: 1366, height: 768 } });
    await page.locator('.layout-controls summary').click();
    await page.getByRole('button', { name: 'Pack by type', exact: true }).click();
    await page.waitForFunction(
      () => window.__dossier!.app.history.get().past.at(-1)?.label === 'Circle pack by type',
      undefined,
      { timeout: 20_000 },
    );
    const { within, between } = await page.evaluate(() => {
      const g = window.__dossier!.graph;
      const nodes = g.mapNodes((_id, a) => ({ type: a.data.type, x: a.x, y: a.y }));
      let w = 0,
        wn = 0,
        b = 0,
        bn = 0;
      for (let i = 0; i < nodes.length; i++)
        for (let j = i + 1; j < nodes.length; j++) {
          const d = Math.hypot(nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y);
          if (nodes[i].type === nodes[j].type) {
            w += d;
            wn++;
          } else {
            b += d;
            bn++;
          }
        }
      return { within: w / wn, between: b / bn };
    });
    expect(within).toBeLessThan(between * 0.8);
    const labels = await settledLabels(page);
    expect(overlapping(labels)).toEqual([]);
    await page.close();
  }, 60_000);
});
