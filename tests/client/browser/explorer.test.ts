/**
 * The explorer in a real Chromium against the real server and the test Neo4j: the graph draws, search
 * selects, evidence opens the reader, expand and undo, the Cypher console, export and shared links.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../../support/browser';
import { withSeededExplorer } from '../../support/seeded-explorer';

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'artifacts');
describeInBrowser('the explorer in Chromium', () => {
  const explorer = withSeededExplorer();
  const { pageErrors } = explorer;
  let page: Page;

  const openApp = (hash = '', viewport = { width: 1920, height: 1080 }) =>
    explorer.open({ path: `/${hash}`, viewport });

  const order = (p: Page) => p.evaluate(() => window.__dossier!.graph.order);
  const selection = (p: Page) =>
    p.evaluate(
      () =>
        (window.__dossier!.state.view as { get(): { selection: unknown } }).get().selection as {
          kind: string;
          id: string;
        } | null,
    );

  async function searchAndChoose(p: Page, text: string): Promise<void> {
    await p
      .locator('body')
      .click({ position: { x: 5, y: 200 } })
      .catch(() => undefined);
    await p.keyboard.press('Escape');
    await p.keyboard.press('/');
    await p.keyboard.type(text);
    await p.locator('.search-hit').first().waitFor({ timeout: 15_000 });
    await p.keyboard.press('Enter');
    await p.waitForFunction(
      (t) => {
        const s = (window.__dossier!.state.view as { get(): { selection: { kind: string; id: string } | null } }).get()
          .selection;
        return (
          !!s &&
          s.kind === 'node' &&
          window.__dossier!.graph.hasNode(s.id) &&
          window.__dossier!.graph.getNodeAttribute(s.id, 'data').name.includes(t)
        );
      },
      text,
      { timeout: 20_000 },
    );
  }

  async function runCypher(p: Page, query: string, mode: 'add' | 'replace' = 'add'): Promise<void> {
    if (!(await p.locator('.console').isVisible()))
      await p.getByRole('button', { name: 'Cypher', exact: true }).click();
    await p.locator('.console select[aria-label="Where the graph results go"]').selectOption(mode);
    await p.locator('.console .cm-content').click();
    await p.keyboard.press('ControlOrMeta+a');
    await p.keyboard.press('Delete');
    await p.keyboard.insertText(query);
    await p.keyboard.press('ControlOrMeta+Enter');
    await p.waitForFunction(
      () => {
        const status = document.querySelector('.console-status')?.textContent ?? '';
        return status !== '' && status !== 'Running…';
      },
      undefined,
      { timeout: 30_000 },
    );
  }

  beforeAll(async () => {
    page = await openApp();
  }, 120_000);

  it('draws the graph with nodes on a canvas that is not blank', async () => {
    expect(await page.locator('#app').getAttribute('data-state')).toBe('ready');
    expect(await order(page)).toBeGreaterThan(0);
    // Read the pixels of the graph area: a screenshot decoded in the page, counted off the background.
    await page.waitForTimeout(800);
    const shot = await page.locator('#graph').screenshot({ type: 'png' });
    const inked = await page.evaluate(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - data[i + 2]) > 40 || data[i] < 200) count++;
      return count;
    }, shot.toString('base64'));
    expect(inked).toBeGreaterThan(500);
  }, 60_000);

  it('searching "Shoigu" selects the person and shows an evidence sentence naming him', async () => {
    await searchAndChoose(page, 'Shoigu');
    const selected = await selection(page);
    const type = await page.evaluate((id) => window.__dossier!.graph.getNodeAttribute(id, 'data').type, selected!.id);
    expect(type).toBe('Person');
    await expect(page.locator('.details-name').textContent()).resolves.toContain('Shoigu');
    const sentence = page.locator('.evidence-sentence', { hasText: 'Shoigu' }).first();
    await sentence.waitFor({ timeout: 15_000 });
    expect(await sentence.textContent()).toContain('Shoigu');
  }, 60_000);

  it('opens the reader at the evidence sentence, highlighted, with mentions marked', async () => {
    const sentence = page.locator('.evidence-sentence', { hasText: 'Shoigu' }).first();
    const sentenceText = (await sentence.textContent())!.trim();
    await sentence.click();
    const mark = page.locator('.reader mark.evidence-highlight');
    await mark.first().waitFor({ timeout: 15_000 });
    const highlighted = (await mark.allTextContents()).join('');
    expect(highlighted).toContain('Shoigu');
    expect(sentenceText).toContain(highlighted.trim().slice(0, 20));
    expect(await page.locator('.reader .mention').count()).toBeGreaterThan(0);
    expect(await page.locator('.reader .mention', { hasText: 'Shoigu' }).count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.locator('.details').waitFor({ state: 'visible' });
  }, 60_000);

  it('expands a node to add its neighbours, and undo takes them away', async () => {
    await runCypher(page, "MATCH (p:Person) WHERE p.name CONTAINS 'Shoigu' RETURN p LIMIT 1", 'replace');
    await page.waitForFunction(() => window.__dossier!.graph.order === 1, undefined, { timeout: 15_000 });
    const id = await page.evaluate(() => window.__dossier!.graph.nodes()[0]);
    await page.evaluate((n) => window.__dossier!.app.select({ kind: 'node', id: n }), id);
    await page.getByRole('button', { name: 'Expand', exact: true }).first().click();
    const dialog = page.locator('dialog.expand-dialog');
    await Promise.race([
      dialog.waitFor({ timeout: 15_000 }).then(() => dialog.locator('button.primary').click()),
      page.waitForFunction(() => window.__dossier!.graph.order > 1, undefined, { timeout: 15_000 }),
    ]);
    await page.waitForFunction(
      () => window.__dossier!.graph.order > 1 && !document.querySelector('.busy:not([hidden])'),
      undefined,
      {
        timeout: 20_000,
      },
    );
    const expanded = await order(page);
    expect(expanded).toBeGreaterThan(1);
    await page.locator('#graph').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ControlOrMeta+z');
    await page.waitForFunction(() => window.__dossier!.graph.order === 1, undefined, { timeout: 10_000 });
    expect(await page.evaluate(() => window.__dossier!.graph.nodes())).toEqual([id]);
    await page.getByRole('button', { name: /Redo/ }).click();
    expect(await order(page)).toBe(expanded);
  }, 90_000);

  it('shows the evidence of a relation chosen in the details panel', async () => {
    await searchAndChoose(page, 'Shoigu');
    await page.locator('.relation button.subtle').first().click();
    await page.waitForFunction(
      () =>
        (window.__dossier!.state.view as { get(): { selection: { kind: string } | null } }).get().selection?.kind ===
        'edge',
    );
    await page.locator('.details .edge-ends').waitFor({ timeout: 10_000 });
    expect(await page.locator('.details .evidence-sentence').count()).toBeGreaterThan(0);
    await page.locator('.details .evidence-sentence').first().click();
    await page.locator('.reader mark.evidence-highlight').first().waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: '← Back to details' }).click();
  }, 60_000);

  it('runs a Cypher query and shows its rows in a table and its nodes in the graph', async () => {
    await runCypher(
      page,
      'MATCH (p:Person)-[r]->(s:State) RETURN p.name AS person, type(r) AS relation, s LIMIT 20',
      'replace',
    );
    const rows = await page.locator('.result-table tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(await page.locator('.result-table th').allTextContents()).toEqual(['person', 'relation', 's']);
    const types = await page.evaluate(() => window.__dossier!.graph.mapNodes((_id, a) => a.data.type));
    expect(types.length).toBeGreaterThan(0);
    expect(types).toContain('State');
  }, 60_000);

  it('shows the refusal of a write query in plain words', async () => {
    await runCypher(page, "CREATE (n:Person {name: 'Intruder'}) RETURN n");
    const status = page.locator('.console-status.error');
    await status.waitFor({ timeout: 10_000 });
    expect(await status.textContent()).toMatch(/Refused|read-only|not allowed/i);
    const intruders = await explorer.server.connection.driver.executeQuery(
      "MATCH (n {name: 'Intruder'}) RETURN count(n) AS c",
    );
    expect(intruders.records[0].get('c').toNumber()).toBe(0);
    await runCypher(page, 'MATCH (n RETURN n');
    await page.locator('.console-status.error', { hasText: 'not valid Cypher' }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Close', exact: true }).click();
  }, 60_000);

  it('exports the view as a GEXF file that parses, every node placed and coloured as drawn', async () => {
    await page.getByRole('button', { name: /Export/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.locator('[data-format="gexf"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.gexf$/);
    const file = await download.path();
    const xml = readFileSync(file!, 'utf8');
    const errors: string[] = [];
    const doc = new DOMParser({
      onError: (level, message) => void (level !== 'warning' && errors.push(message)),
    }).parseFromString(xml, 'text/xml');
    expect(errors).toEqual([]);
    expect(doc.documentElement?.nodeName).toBe('gexf');
    const exported = doc.getElementsByTagName('node').length;
    expect(exported).toBe(await page.evaluate(() => window.__dossier!.app.visibleNodeIds().length));
    expect(doc.getElementsByTagName('viz:position').length).toBe(exported);
    expect(doc.getElementsByTagName('viz:color').length).toBe(exported);
  }, 60_000);

  it('reopens the same nodes, selection and camera from a copied link', async () => {
    await searchAndChoose(page, 'Shoigu');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.locator('.toast', { hasText: /Link copied|address bar/ }).waitFor({ timeout: 10_000 });
    const link = await page.evaluate(() => navigator.clipboard.readText().catch(() => location.href));
    expect(link).toContain('#');
    const before = await page.evaluate(() => ({
      nodes: window.__dossier!.graph.nodes().sort(),
      selection: (window.__dossier!.state.view as { get(): { selection: unknown } }).get().selection,
    }));
    const again = await openApp(link.slice(link.indexOf('#')));
    const after = await again.evaluate(() => ({
      nodes: window.__dossier!.graph.nodes().sort(),
      selection: (window.__dossier!.state.view as { get(): { selection: unknown } }).get().selection,
    }));
    expect(after).toEqual(before);
    const cameras = await Promise.all(
      [page, again].map((p) => p.evaluate(() => window.__dossier!.sigma.getCamera().getState())),
    );
    expect(cameras[1].ratio).toBeCloseTo(cameras[0].ratio, 3);
    expect(cameras[1].x).toBeCloseTo(cameras[0].x, 3);
    expect(cameras[1].y).toBeCloseTo(cameras[0].y, 3);
    await again.close();
  }, 90_000);

  it('hides a node type through the reducers when its legend box is unticked, leaving the graph intact', async () => {
    const before = await order(page);
    const people = await page.evaluate(() => window.__dossier!.graph.filterNodes((_id, a) => a.data.type === 'Person'));
    expect(people.length).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: 'Show Person' }).uncheck();
    await page.waitForFunction((id) => window.__dossier!.sigma.getNodeDisplayData(id)?.hidden === true, people[0], {
      timeout: 5_000,
    });
    expect(await order(page)).toBe(before);
    // The URL follows the filters (written a moment after the change).
    await page.waitForFunction(() => location.hash.includes('ntypes=Person'), undefined, { timeout: 5_000 });
    await page.getByRole('checkbox', { name: 'Show Person' }).check();
    await page.waitForFunction((id) => !window.__dossier!.sigma.getNodeDisplayData(id)?.hidden, people[0]);

    // A document filter keeps only the entities that document mentions.
    const documentBox = page.locator('.filter-list.documents input[type="checkbox"]').first();
    const label = (await documentBox.getAttribute('aria-label'))!;
    await documentBox.check();
    await page.waitForFunction(() => location.hash.includes('docs='), undefined, { timeout: 5_000 });
    const { shown, mentioned } = await page.evaluate(async () => {
      const docId = decodeURIComponent(/docs=([^&]+)/.exec(location.hash)![1]);
      const doc = await (await fetch(`/api/documents/${encodeURIComponent(docId)}`)).json();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const d = window.__dossier!;
      return {
        shown: d.graph.filterNodes((id) => !d.sigma.getNodeDisplayData(id)?.hidden),
        mentioned: (doc.mentions as Array<{ entityId: string }>).map((m) => m.entityId),
      };
    });
    expect(label).toMatch(/^Only entities in /);
    for (const id of shown) expect(mentioned).toContain(id);
    await documentBox.uncheck();
  }, 30_000);

  it('highlights the hovered node and its neighbours and dims the rest', async () => {
    await page.evaluate(() => window.__dossier!.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }));
    await page.waitForTimeout(300);
    const { hub, far } = await page.evaluate(() => {
      const g = window.__dossier!.graph;
      const hubId = g.nodes().sort((a, b) => g.degree(b) - g.degree(a))[0];
      const neighbours = new Set(g.neighbors(hubId));
      return { hub: hubId, far: g.nodes().find((n) => n !== hubId && !neighbours.has(n)) ?? null };
    });
    const position = await page.evaluate((id) => {
      const { x, y } = window.__dossier!.graph.getNodeAttributes(id);
      return window.__dossier!.sigma.graphToViewport({ x, y });
    }, hub);
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + 3, box.y + 3);
    await page.mouse.move(box.x + position.x, box.y + position.y, { steps: 6 });
    await page.waitForFunction(
      (id) => (window.__dossier!.state.view as { get(): { hovered: string | null } }).get().hovered === id,
      hub,
      { timeout: 5_000 },
    );
    if (far) {
      const color = await page.evaluate((id) => window.__dossier!.sigma.getNodeDisplayData(id)!.color, far);
      expect(color).toBe('#e3e6eb');
    }
    expect(await page.evaluate((id) => window.__dossier!.graph.getNodeAttribute(id, 'color'), far ?? hub)).not.toBe(
      '#e3e6eb',
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'main-screen-hover.png') });
    // Drag the node: it follows the mouse and the camera stays where it was.
    const camera = await page.evaluate(() => window.__dossier!.sigma.getCamera().getState());
    const start = await page.evaluate((id) => window.__dossier!.graph.getNodeAttributes(id), hub);
    await page.mouse.down();
    await page.mouse.move(box.x + position.x + 90, box.y + position.y + 60, { steps: 8 });
    await page.mouse.up();
    const end = await page.evaluate((id) => window.__dossier!.graph.getNodeAttributes(id), hub);
    expect(Math.hypot(end.x - start.x, end.y - start.y)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__dossier!.sigma.getCamera().getState())).toEqual(camera);
    await page.mouse.move(box.x + 3, box.y + 3);
  }, 30_000);

  it('runs ForceAtlas2 until stopped, then undoes the layout', async () => {
    const positions = () => page.evaluate(() => window.__dossier!.graph.mapNodes((_id, a) => [a.x, a.y]));
    const before = await positions();
    await page.getByRole('button', { name: /Layout/ }).click();
    await page.getByRole('button', { name: /Stop layout/ }).waitFor();
    await page.waitForTimeout(1200);
    await page.getByRole('button', { name: /Stop layout/ }).click();
    await page.getByRole('button', { name: '▶ Layout' }).waitFor();
    await page.waitForTimeout(700);
    expect(await positions()).not.toEqual(before);
    await page.getByRole('button', { name: /Undo/ }).click();
    expect(await positions()).toEqual(before);
  }, 30_000);

  it('answers the keyboard: F fits, Esc clears the selection', async () => {
    await page.evaluate(() => window.__dossier!.sigma.getCamera().setState({ ratio: 0.2 }));
    await page.locator('#graph').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('f');
    // Fit frames the graph with its labels: from 0.2 back out to the whole graph (never closer than 0.5).
    await page.waitForFunction(
      () => {
        const camera = window.__dossier!.sigma.getCamera();
        return !camera.isAnimated() && camera.getState().ratio >= 0.5;
      },
      undefined,
      { timeout: 5_000 },
    );
    await searchAndChoose(page, 'Shoigu');
    await page
      .locator('#graph')
      .click({ position: { x: 5, y: 5 } })
      .catch(() => undefined);
    await searchAndChoose(page, 'Shoigu');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await selection(page)).toBeNull();
  }, 30_000);

  it('exports the canvas as a PNG image', async () => {
    await page.getByRole('button', { name: /Export/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.locator('[data-format="png"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  }, 30_000);

  it('places a subgraph exactly at the positions it is given, and runs no layout when every node has one', async () => {
    const result = await page.evaluate(async () => {
      const app = window.__dossier!.app;
      const subgraph = await app.api.overview(20);
      const positions = Object.fromEntries(subgraph.nodes.map((n, i) => [n.id, { x: i * 10.5, y: -i * 3.25 }]));
      // Count layout runs: the positions alone cannot tell a layout that happened to keep them.
      const settle = app.layout.settle;
      let settles = 0;
      app.layout.settle = (options) => {
        settles++;
        return settle(options);
      };
      try {
        await app.applySubgraph(subgraph, 'replace', 'Placed', { positions });
        const placed = Object.fromEntries(app.graph.mapNodes((id, a) => [id, { x: a.x, y: a.y }]));
        const settlesPlaced = settles;
        const partial = { ...positions };
        delete partial[subgraph.nodes[0].id];
        await app.applySubgraph(subgraph, 'replace', 'Partly placed', { positions: partial });
        return { positions, placed, settlesPlaced, settlesPartial: settles - settlesPlaced };
      } finally {
        app.layout.settle = settle;
      }
    });
    expect(Object.keys(result.placed).length).toBe(Object.keys(result.positions).length);
    expect(result.placed).toEqual(result.positions);
    expect(result.settlesPlaced).toBe(0);
    expect(result.settlesPartial).toBe(1); // one node without a position: the layout runs
  }, 30_000);

  it('saves a screenshot of the main screen at 1920x1080 and 1280x720', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [width, height, name] of [
      [1920, 1080, 'main-screen.png'],
      [1280, 720, 'main-screen-1280.png'],
    ] as const) {
      const p = await openApp('', { width, height });
      await p.waitForTimeout(600);
      await p.screenshot({ path: path.join(ARTIFACTS, name.replace('main-screen', 'overview')) });
      await searchAndChoose(p, 'Shoigu');
      await p.locator('.evidence-sentence').first().waitFor({ timeout: 15_000 });
      await p.waitForTimeout(900);
      await p.screenshot({ path: path.join(ARTIFACTS, name) });
      // Everything that matters fits on screen: toolbar, sidebar, graph and details.
      for (const selector of ['.topbar', '.sidebar', '#graph', '.details']) {
        const box = await p.locator(selector).boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x + box!.width).toBeLessThanOrEqual(width + 1);
      }
      await p.close();
    }
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
