/**
 * Shortest paths, multi-selection and the context menu in a real Chromium: paths picked from the context
 * menu or the Paths panel, highlighted hop by hop with their evidence; shift-click, box select, select by
 * type and invert; hide, keep only, pin and remove, each one undoable step.
 */
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../../support/browser';
import { nodeOnPage, settledLabels } from '../../support/explorer-page';
import { withSeededExplorer } from '../../support/seeded-explorer';

describeInBrowser('paths, selection and the context menu in Chromium', () => {
  const explorer = withSeededExplorer();
  const { pageErrors } = explorer;
  let page: Page;

  beforeAll(async () => {
    page = await explorer.open({ viewport: { width: 1366, height: 768 } });
  }, 120_000);

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  const view = () =>
    page.evaluate(() => {
      const s = (
        window.__dossier!.state.view as {
          get(): { selectedNodes: string[]; hidden: string[]; selection: { kind: string; id: string } | null };
        }
      ).get();
      return { selected: [...s.selectedNodes].sort(), hidden: s.hidden, selection: s.selection };
    });
  const order = () => page.evaluate(() => window.__dossier!.graph.order);
  const hubs = (count: number) =>
    page.evaluate((n) => {
      const g = window.__dossier!.graph;
      return g
        .nodes()
        .sort((a, b) => g.degree(b) - g.degree(a))
        .slice(0, n);
    }, count);
  const idByName = (name: string) =>
    page.evaluate((n) => window.__dossier!.graph.findNode((_id, a) => a.data.name === n) ?? null, name);

  async function rightClick(id: string | null): Promise<void> {
    const box = (await page.locator('#graph').boundingBox())!;
    const at = id ? await nodeOnPage(page, id) : { x: box.x + 6, y: box.y + 6 };
    await page.mouse.click(at.x, at.y, { button: 'right' });
    await page.locator('.context-menu:not([hidden])').waitFor({ timeout: 5_000 });
  }
  const menuItem = (name: string | RegExp) => page.locator('.context-menu').getByRole('menuitem', { name });

  async function clearSelection(): Promise<void> {
    await page.evaluate(() => window.__dossier!.app.select(null));
  }

  it('finds the paths picked from the context menu, highlighted hop by hop with a sentence for each hop', async () => {
    const from = (await idByName('Sergei Shoigu'))!;
    // The best connected entity in view that is not Shoigu's neighbour: the path has to go through others.
    const to = await page.evaluate((f) => {
      const g = window.__dossier!.graph;
      return g
        .nodes()
        .filter((n) => n !== f && !g.areNeighbors(f, n) && g.getNodeAttribute(n, 'data').type !== 'Event')
        .sort((a, b) => g.degree(b) - g.degree(a))[0];
    }, from);
    expect(from && to).toBeTruthy();
    // Only the two ends in view: whatever the paths bring is theirs, and undo must take it away.
    await page.evaluate((ids) => window.__dossier!.app.keepOnly(ids), [from, to]);
    await page.evaluate(() => window.__dossier!.app.graphView.fit({ duration: 0 }));
    const before = await page.evaluate(() => window.__dossier!.graph.size);
    await rightClick(from);
    await menuItem('Path from here').click();
    await rightClick(to);
    await menuItem('Path to here').click();
    await page.locator('.paths-panel .path').first().waitFor({ timeout: 20_000 });

    const state = await page.evaluate(() => {
      const paths = (
        window.__dossier!.app.paths.get() as { result: { paths: Array<{ nodes: string[]; edges: string[] }> } }
      ).result.paths;
      const sigma = window.__dossier!.sigma;
      return {
        paths,
        colours: paths[0].edges.map((e) => sigma.getEdgeDisplayData(e)?.color),
        inGraph: paths.flatMap((p) => p.nodes).every((n) => window.__dossier!.graph.hasNode(n)),
      };
    });
    expect(state.paths.length).toBeGreaterThan(0);
    expect(state.paths[0].nodes[0]).toBe(from);
    expect(state.paths[0].nodes.at(-1)).toBe(to);
    expect(state.inGraph).toBe(true);
    expect(new Set(state.colours)).toEqual(new Set(['#2f6fde']));

    // Hop by hop in the side panel, each hop with a sentence from a document.
    const hops = page.locator('.paths-panel .path').first().locator('.hop');
    expect(await hops.count()).toBe(state.paths[0].edges.length);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.paths-panel .path .hop-evidence')].every(
          (e) => e.textContent !== 'Loading the evidence…',
        ),
      undefined,
      { timeout: 15_000 },
    );
    for (let i = 0; i < (await hops.count()); i++) {
      const sentence = (await hops.nth(i).locator('.evidence-sentence').textContent()) ?? '';
      expect(sentence.length).toBeGreaterThan(20);
    }
    // Every node of the paths carries its label.
    const drawn = new Set((await settledLabels(page)).map((l) => l.id));
    expect(state.paths[0].nodes.filter((n) => !drawn.has(n))).toEqual([]);

    // The paths were added as one undoable step; undoing it drops their emphasis and hop list too.
    const size = () => page.evaluate(() => window.__dossier!.graph.size);
    expect(await size()).toBeGreaterThan(before);
    await page.keyboard.press('ControlOrMeta+z');
    expect(await size()).toBe(before);
    expect(await page.locator('.paths-panel .path').count()).toBe(0);
    // Back to the whole overview for the tests that follow.
    await page.keyboard.press('ControlOrMeta+z');
    expect(await order()).toBeGreaterThan(10);
  }, 60_000);

  it('says plainly when two entities are not connected under the options chosen, and what to try', async () => {
    const panel = page.locator('.paths-panel');
    // The ends stay from the path found before (its undo cleared only the answer).
    expect(await panel.getByLabel('Path from', { exact: true }).inputValue()).toBe('Sergei Shoigu');
    await panel.locator('.path-types summary').click();
    await panel.getByLabel('Follow supersedes').check();
    await panel.getByLabel('At most this many hops').selectOption('2');
    await panel.getByRole('button', { name: 'Find paths' }).click();
    const message = panel.locator('.path-message');
    await message.waitFor({ timeout: 15_000 });
    expect(await message.textContent()).toMatch(
      /^Sergei Shoigu and .+ are not connected within 2 hops through supersedes\. Try more hops .*every relation type.*paths through documents\.$/,
    );
    await panel.getByLabel('Follow supersedes').uncheck();
    await panel.getByRole('button', { name: 'Close' }).click();
  }, 60_000);

  it('picks both ends in the Paths panel by searching for them', async () => {
    await page.getByRole('button', { name: 'Paths', exact: true }).click();
    const panel = page.locator('.paths-panel');
    const fromField = panel.getByLabel('Path from', { exact: true });
    await fromField.fill('');
    await fromField.pressSequentially('Kim Jong');
    await panel.locator('.entity-field-option', { hasText: 'Kim Jong Un' }).first().click();
    const toField = panel.getByLabel('Path to', { exact: true });
    await toField.fill('');
    await toField.pressSequentially('Russia');
    await panel
      .locator('.entity-field-option', { hasText: /^State.*Russia$/ })
      .first()
      .click();
    await panel.getByRole('button', { name: 'Find paths' }).click();
    await panel.locator('.path').first().waitFor({ timeout: 15_000 });
    expect(await panel.locator('.path-summary').textContent()).toMatch(/shortest paths? of \d hops?/);
    await panel.getByRole('button', { name: 'Close' }).click();
  }, 60_000);

  it('adds nodes to the selection with shift-click, and Hide hides them all as one undoable step', async () => {
    await clearSelection();
    const [a, b] = await hubs(2);
    for (const id of [a, b]) {
      const at = await nodeOnPage(page, id);
      await page.keyboard.down('Shift');
      await page.mouse.click(at.x, at.y);
      await page.keyboard.up('Shift');
    }
    expect((await view()).selected).toEqual([a, b].sort());
    await page.locator('.toolbar').getByRole('button', { name: 'Hide', exact: true }).click();
    expect((await view()).hidden).toEqual(expect.arrayContaining([a, b]));
    await page.keyboard.press('ControlOrMeta+z');
    expect((await view()).hidden).toEqual([]);
  }, 30_000);

  it('selects the visible nodes inside a shift-dragged box', async () => {
    await clearSelection();
    const box = (await page.locator('#graph').boundingBox())!;
    // Chromium's mouse events carry whole CSS pixels (a move to y 307.4 arrives as 307): the corners are
    // whole pixels of the page, so that the box the page sees is the box the test counts in.
    const corner = (x: number, y: number) => ({ x: Math.round(box.x + x), y: Math.round(box.y + y) });
    const from = corner(box.width * 0.3, box.height * 0.3);
    const to = corner(box.width * 0.7, box.height * 0.7);
    const rect = { x0: from.x - box.x, y0: from.y - box.y, x1: to.x - box.x, y1: to.y - box.y };
    const expected = await page.evaluate((r) => {
      const g = window.__dossier!.graph;
      const sigma = window.__dossier!.sigma;
      // Render now: positions are normalised again only at the next frame after a change of the view.
      sigma.refresh();
      return g
        .nodes()
        .filter((id) => {
          const display = sigma.getNodeDisplayData(id)!;
          const p = sigma.framedGraphToViewport(display);
          return !display.hidden && p.x >= r.x0 && p.x <= r.x1 && p.y >= r.y0 && p.y <= r.y1;
        })
        .sort();
    }, rect);
    expect(expected.length).toBeGreaterThan(1);
    await page.keyboard.down('Shift');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    expect((await view()).selected).toEqual(expected);
  }, 30_000);

  it('selects every node of a type and inverts the selection from the background menu', async () => {
    await clearSelection();
    await rightClick(null);
    await menuItem(/^Select every Person/).click();
    const persons = await page.evaluate(() =>
      window
        .__dossier!.app.visibleNodeIds()
        .filter((id) => window.__dossier!.graph.getNodeAttribute(id, 'data').type === 'Person'),
    );
    expect((await view()).selected).toEqual(persons.sort());
    await rightClick(null);
    await menuItem('Invert the selection').click();
    const inverted = (await view()).selected;
    const visible = await page.evaluate(() => window.__dossier!.app.visibleNodeIds());
    expect(inverted.length).toBe(visible.length - persons.length);
    expect(inverted.some((id) => persons.includes(id))).toBe(false);
  }, 30_000);

  it('keeps only, pins and removes from the node menu, each one undoable step', async () => {
    await clearSelection();
    const before = await order();
    const [a, b] = await hubs(2);
    await page.evaluate((ids) => window.__dossier!.app.selectNodes(ids), [a, b]);
    await rightClick(a);
    await menuItem('Keep only 2 nodes').click();
    expect(await order()).toBe(2);
    await page.keyboard.press('ControlOrMeta+z');
    expect(await order()).toBe(before);

    await page.evaluate((ids) => window.__dossier!.app.selectNodes(ids), [a, b]);
    await rightClick(a);
    await menuItem('Pin 2 nodes').click();
    const pinned = () =>
      page.evaluate((ids) => ids.map((id) => !!window.__dossier!.graph.getNodeAttribute(id, 'fixed')), [a, b]);
    expect(await pinned()).toEqual([true, true]);
    // A layout leaves pinned nodes where they are.
    const at = () => page.evaluate((id) => window.__dossier!.graph.getNodeAttributes(id), a);
    const start = await at();
    await page.evaluate(() => window.__dossier!.app.settleLayout('Layout'));
    const end = await at();
    expect([end.x, end.y]).toEqual([start.x, start.y]);
    await page.keyboard.press('ControlOrMeta+z'); // the layout
    await page.keyboard.press('ControlOrMeta+z'); // the pin
    expect(await pinned()).toEqual([false, false]);

    await page.evaluate((ids) => window.__dossier!.app.selectNodes(ids), [a, b]);
    await rightClick(b);
    await menuItem('Remove 2 nodes').click();
    expect(await order()).toBe(before - 2);
    await page.keyboard.press('ControlOrMeta+z');
    expect(await order()).toBe(before);
  }, 60_000);
});
