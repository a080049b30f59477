/**
 * The data table in a real Chromium: sorting and per-column filters, the CSV of what it shows, the
 * selection both ways (a row selects the node and brings the camera to it; a node clicked in the graph
 * highlights its row and scrolls to it), the graph's filters in its counts, the metrics once computed,
 * relations, and a view of a few thousand nodes drawn a window of rows at a time.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../../support/browser';
import { DATED, seedDatedEvents } from '../../support/dated-events';
import { nodeOnPage, viewSelection } from '../../support/explorer-page';
import { withSeededExplorer } from '../../support/seeded-explorer';

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'artifacts');

describeInBrowser('the data table in Chromium', () => {
  const explorer = withSeededExplorer({
    viewport: { width: 1366, height: 768 },
    seed: (server) => seedDatedEvents(server.connection),
  });

  afterEach(() => {
    expect(explorer.pageErrors).toEqual([]);
  });

  async function openTable(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page.locator('.data-table .table-rows .table-row').first().waitFor();
  }

  const names = (page: Page) => page.locator('.data-table .table-rows .table-row > div:first-child').allTextContents();
  const count = (page: Page) => page.locator('.data-table .table-count').textContent();
  const filterField = (page: Page, column: string) => page.getByRole('searchbox', { name: `Filter ${column}` });

  it('sorts by a column either way and filters per column, and exports what it shows as CSV', async () => {
    const page = await explorer.open();
    await openTable(page);
    expect(await count(page)).toBe('9 nodes');
    // Most connected first: Shoigu took part in three events.
    expect(await page.locator('[role=columnheader][data-key=degree]').getAttribute('aria-sort')).toBe('descending');
    expect((await names(page))[0]).toBe('Sergei Shoigu');

    await page.getByRole('button', { name: 'Name', exact: true }).click();
    expect(await names(page)).toEqual([
      'arms talks',
      'Kazan meeting',
      'Kim Jong Un',
      'Kursk deployment',
      'Moscow declaration',
      'Pyongyang treaty signing',
      'Sergei Shoigu',
      'Vladimir Putin',
      'Vostochny summit',
    ]);
    await page.getByRole('button', { name: 'Name', exact: true }).click();
    expect((await names(page))[0]).toBe('Vostochny summit');

    await filterField(page, 'Type').fill('event');
    expect(await count(page)).toBe('6 of 9 nodes');
    await filterField(page, 'Happened').fill('>=2024');
    expect(await count(page)).toBe('3 of 9 nodes');
    expect(await names(page)).toEqual(['Pyongyang treaty signing', 'Kursk deployment', 'Kazan meeting']);
    // What the table shows becomes the graph's selection.
    await page.getByRole('button', { name: 'Select these' }).click();
    expect(
      await page.evaluate(() =>
        (window.__dossier!.state.view as { get(): { selectedNodes: string[] } }).get().selectedNodes.slice().sort(),
      ),
    ).toEqual([DATED.kazan, DATED.kursk, DATED.signing].sort());
    expect(await page.locator('.data-table .table-rows .table-row.selected').count()).toBe(3);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('dossier-nodes.csv');
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('Name,Type,Degree,Sources,Happened,First reported,Lag (days)');
    expect(csv.slice(1)).toEqual([
      'Pyongyang treaty signing,Event,2,1,2024-06-19,2024-06-20,1',
      // announced in June, four months before it happened
      'Kursk deployment,Event,1,1,2024-10,2024-06-20,-122',
      'Kazan meeting,Event,1,1,2024-10-22,,',
    ]);
    await page.close();
  }, 90_000);

  it('selects the node of a row and brings the camera to it; a node clicked in the graph highlights its row', async () => {
    const page = await explorer.open();
    await openTable(page);
    await page.locator(`.table-row[data-id="${DATED.moscow}"]`).click();
    // a busy machine can redraw the rows under the pointer: wait for the selection, do not assume it
    for (let tries = 0; tries < 25 && (await viewSelection(page))?.id !== DATED.moscow; tries++)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await viewSelection(page)).toEqual({ kind: 'node', id: DATED.moscow });
    await page.waitForFunction(() => !window.__dossier!.sigma.getCamera().isAnimated());
    const graphBox = (await page.locator('#graph').boundingBox())!;
    const at = await nodeOnPage(page, DATED.moscow);
    expect(Math.abs(at.x - (graphBox.x + graphBox.width / 2))).toBeLessThan(4);
    expect(Math.abs(at.y - (graphBox.y + graphBox.height / 2))).toBeLessThan(4);
    expect(await page.locator(`.table-row[data-id="${DATED.moscow}"]`).getAttribute('aria-selected')).toBe('true');

    // The other way: a click on Kim in the graph.
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.__dossier!.app.graphView.fit({ duration: 0 }));
    const kim = await nodeOnPage(page, DATED.kim);
    await page.mouse.click(kim.x, kim.y);
    expect(await viewSelection(page)).toEqual({ kind: 'node', id: DATED.kim });
    await page.locator(`.table-row.selected[data-id="${DATED.kim}"]`).waitFor();
    expect(await page.locator('.table-row.selected').count()).toBe(1);

    // From the keyboard: the row below Kim, then back up.
    const order = await page
      .locator('.data-table .table-rows .table-row')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id));
    await page.locator('.data-table .table-scroll').focus();
    await page.keyboard.press('ArrowDown');
    expect(await viewSelection(page)).toEqual({ kind: 'node', id: order[order.indexOf(DATED.kim) + 1] });
    await page.keyboard.press('ArrowUp');
    expect(await viewSelection(page)).toEqual({ kind: 'node', id: DATED.kim });
    await page.close();
  }, 90_000);

  it('counts what the graph filters leave, and lists relations by type and ends', async () => {
    const page = await explorer.open();
    await openTable(page);
    await page.locator('.timelines .lane[data-lane="happened"] .timeline-bar[data-key="2023"]').click();
    await page.waitForFunction(() => document.querySelector('.data-table .table-count')?.textContent === '3 nodes');
    expect((await names(page)).sort()).toEqual(['Kim Jong Un', 'Vladimir Putin', 'Vostochny summit']);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'data-table-and-timelines.png') });

    // The computed metrics join the columns once size or colour asks for them.
    expect(await page.locator('[role=columnheader][data-key=pagerank]').count()).toBe(0);
    await page.getByLabel('Size nodes by').selectOption('pagerank');
    await page.locator('[role=columnheader][data-key=pagerank]').waitFor();
    expect(await page.locator('[role=columnheader][data-key=community]').count()).toBe(1);

    await page.getByRole('button', { name: 'Relations', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.data-table .table-count')?.textContent === '2 relations');
    const rows = await page
      .locator('.data-table .table-rows .table-row')
      .evaluateAll((els) => els.map((e) => [...e.children].slice(0, 3).map((c) => c.textContent)));
    expect(rows.map((r) => r[2])).toEqual(['Vostochny summit', 'Vostochny summit']);
    await page.locator('.data-table .table-rows .table-row').first().click();
    expect((await viewSelection(page))?.kind).toBe('edge');
    await page.close();
  }, 90_000);

  it('draws a window of rows over three thousand nodes, and scrolls to a node selected far down', async () => {
    const page = await explorer.open();
    await page.evaluate(async () => {
      const nodes = Array.from({ length: 3000 }, (_, i) => ({
        id: `person:p${String(i).padStart(4, '0')}`,
        type: 'Person',
        name: `Person ${String(i).padStart(4, '0')}`,
        attributes: {},
      }));
      const edges = nodes.slice(1).map((n, i) => ({
        id: `rel:${i}`,
        type: 'MET_WITH',
        source: nodes[i].id,
        target: n.id,
        attributes: {},
      }));
      const positions = Object.fromEntries(
        nodes.map((n, i) => [n.id, { x: (i % 60) * 10, y: Math.floor(i / 60) * 10 }]),
      );
      await window.__dossier!.app.applySubgraph({ nodes, edges }, 'add', 'Many people', { positions });
    });
    await openTable(page);
    expect(await count(page)).toBe('3009 nodes');
    await page.getByRole('button', { name: 'Name', exact: true }).click();
    const drawn = await page.locator('.data-table .table-rows .table-row').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(60);

    const far = 'person:p2900';
    await page.evaluate((id) => window.__dossier!.app.select({ kind: 'node', id }), far);
    const row = page.locator(`.table-row.selected[data-id="${far}"]`);
    await row.waitFor();
    const rowBox = (await row.boundingBox())!;
    const scrollBox = (await page.locator('.data-table .table-scroll').boundingBox())!;
    expect(rowBox.y).toBeGreaterThanOrEqual(scrollBox.y);
    expect(rowBox.y + rowBox.height).toBeLessThanOrEqual(scrollBox.y + scrollBox.height + 1);
    expect(await page.locator('.data-table .table-rows .table-row').count()).toBeLessThan(60);

    // Far fewer rows than the scroll position had: the table scrolls back to where they are.
    await filterField(page, 'Name').fill('person 29');
    expect(await count(page)).toBe('100 of 3009 nodes');
    expect(await page.locator('.data-table .table-rows .table-row').count()).toBeGreaterThan(5);
    await page.close();
  }, 120_000);
});
