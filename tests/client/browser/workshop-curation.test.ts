/**
 * Curation, hypotheses, notes, presenting and shareable links in real Chromium pages against the real
 * server: A (editor) corrects the graph through the panel and B (viewer) sees the graph and the log
 * change live; undo from the log restores; a hypothesis appears dashed on B and the relation filter
 * switches it off; a note on a relation shows in the details panel; presenting follows the server's
 * order with the view's notes; a shareable link opens its view, after joining when needed.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../../support/browser';
import { withSeededExplorer } from '../../support/seeded-explorer';

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'artifacts');
const ENTITY_TYPES = ['Person', 'State', 'Organization', 'Place', 'Treaty', 'Event'];

describeInBrowser('workshop curation in Chromium', () => {
  const explorer = withSeededExplorer({ viewport: { width: 1500, height: 1000 } });
  const { pageErrors } = explorer;
  let a: Page;
  let b: Page;
  let viewerCode: string;

  const openApp = (path = '/') => explorer.open({ path });

  const select = (p: Page, kind: 'node' | 'edge', id: string) =>
    p.evaluate(([k, i]) => window.__dossier!.app.select({ kind: k as 'node', id: i }), [kind, id] as const);
  const label = (p: Page, id: string) =>
    p.evaluate(
      (n) => (window.__dossier!.graph.hasNode(n) ? window.__dossier!.graph.getNodeAttribute(n, 'label') : null),
      id,
    );
  const hasNode = (p: Page, id: string) => p.evaluate((n) => window.__dossier!.graph.hasNode(n), id);
  const neighbours = (p: Page, id: string) => p.evaluate((n) => window.__dossier!.graph.neighbors(n).sort(), id);
  const token = (p: Page) =>
    p.evaluate(() => (JSON.parse(sessionStorage.getItem('dossier.workshop')!) as { token: string }).token);
  const workshopId = (p: Page) =>
    p.evaluate(() => (JSON.parse(sessionStorage.getItem('dossier.workshop')!) as { workshopId: string }).workshopId);

  /** Entities in view on both pages, best connected first. */
  /** Chooses an entity in a searchable field by typing its name: the field starts empty. */
  async function pickEntity(p: Page, field: string, id: string): Promise<void> {
    const input = p.locator(`input[name="${field}"]`);
    expect(await input.inputValue()).toBe('');
    const name = await p.evaluate((n) => window.__dossier!.graph.getNodeAttribute(n, 'data').name, id);
    await input.pressSequentially(name.slice(0, 12));
    await input.locator('xpath=..').locator('.entity-field-option', { hasText: name }).first().click();
    expect(await input.inputValue()).toBe(name);
  }

  async function entitiesInView(p: Page): Promise<string[]> {
    return p.evaluate(
      (types) =>
        window
          .__dossier!.graph.filterNodes((_id, attrs) => types.includes(attrs.data.type))
          .sort((x, y) => window.__dossier!.graph.degree(y) - window.__dossier!.graph.degree(x)),
      ENTITY_TYPES,
    );
  }

  it('creates a workshop on A and joins it on B as a viewer, who sees no curation controls', async () => {
    a = await openApp();
    b = await openApp();
    await a.getByRole('button', { name: 'Workshop', exact: true }).click();
    await a.getByLabel('Workshop name').fill('Curation desk');
    await a.locator('input[name="creator-name"]').fill('Ada');
    await a.getByRole('button', { name: 'Create workshop' }).click();
    viewerCode = (await a.locator('.viewer-code').textContent({ timeout: 15_000 }))!;
    await b.getByRole('button', { name: 'Workshop', exact: true }).click();
    await b.getByLabel('Join code').fill(viewerCode);
    await b.locator('input[name="joiner-name"]').fill('Vic');
    await b.getByRole('button', { name: 'Join workshop' }).click();
    await b.waitForSelector('.workshop[data-live="ready"]', { timeout: 15_000 });
    await a.waitForSelector('.workshop[data-live="ready"]', { timeout: 15_000 });

    const [node] = await entitiesInView(b);
    await select(a, 'node', node);
    await select(b, 'node', node);
    await a.getByRole('button', { name: 'Rename', exact: true }).waitFor();
    expect(await a.locator('.curation-section').isVisible()).toBe(true);
    expect(await b.locator('.curation-section').isVisible()).toBe(false);
    for (const name of ['Rename', 'Change type', 'Merge into this', 'Add relation', 'Draw hypothesis', 'Save view']) {
      expect(await b.getByRole('button', { name, exact: true }).isVisible()).toBe(false);
    }
  }, 120_000);

  it("renames through A's panel and B's graph and log follow without a reload", async () => {
    const [node] = await entitiesInView(a);
    await select(a, 'node', node);
    await a.locator('input[name="rename"]').fill('Renamed in the workshop');
    await a.getByRole('button', { name: 'Rename', exact: true }).click();
    await b.waitForFunction(
      (n) => window.__dossier!.graph.getNodeAttribute(n, 'label') === 'Renamed in the workshop',
      node,
      {
        timeout: 20_000,
      },
    );
    // A redraws from its own answer or the event, whichever lands first; B may have got there before it.
    await a.waitForFunction(
      (n) => window.__dossier!.graph.getNodeAttribute(n, 'label') === 'Renamed in the workshop',
      node,
      { timeout: 20_000 },
    );
    expect(await label(a, node)).toBe('Renamed in the workshop');
    const entry = b.locator('.curation-log .curation-entry').first();
    await entry.waitFor({ timeout: 15_000 });
    expect(await entry.locator('.curation-words').textContent()).toContain('Ada renamed');
    expect(await entry.locator('.curation-words').textContent()).toContain('to Renamed in the workshop');
    expect(await b.locator('.undo-curation').count()).toBe(0); // a viewer cannot undo
  }, 60_000);

  it('merges through the panel: the merged entity leaves both graphs and the survivor gains its relations', async () => {
    const entities = await entitiesInView(a);
    const survivor = entities[1];
    // The merged one: a node in view that is not next to the survivor and has neighbours of its own.
    const merged = await a.evaluate(
      ([s, candidates]) => {
        const g = window.__dossier!.graph;
        return candidates.find((c) => c !== s && !g.areNeighbors(s, c) && g.neighbors(c).some((m) => m !== s))!;
      },
      [survivor, entities] as const,
    );
    const mergedNeighbours = (await neighbours(b, merged)).filter((n) => n !== survivor);
    expect(mergedNeighbours.length).toBeGreaterThan(0);

    await select(a, 'node', survivor);
    await pickEntity(a, 'merge-target', merged);
    // It asks first: Cancel changes nothing, Merge merges and says so.
    await a.getByRole('button', { name: 'Merge into this', exact: true }).click();
    const dialog = a.locator('dialog.confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toMatch(/^Merge .+ into .+\?$/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await a.waitForTimeout(500);
    expect(await hasNode(a, merged)).toBe(true);
    await a.getByRole('button', { name: 'Merge into this', exact: true }).click();
    await a.locator('dialog.confirm-dialog').getByRole('button', { name: 'Merge', exact: true }).click();
    await a.locator('.toast', { hasText: /^Done: merged / }).waitFor({ timeout: 20_000 });
    await b.waitForFunction((m) => !window.__dossier!.graph.hasNode(m), merged, { timeout: 20_000 });
    // The toast comes when the server answers; A's view follows once it has read what the merge changed.
    await a.waitForFunction((m) => !window.__dossier!.graph.hasNode(m), merged, { timeout: 20_000 });
    const after = await neighbours(b, survivor);
    for (const n of mergedNeighbours) expect(after).toContain(n);
    await b.locator('.curation-entry[data-kind="merge"]').waitFor({ timeout: 15_000 });
    expect(await b.locator('.curation-entry').first().getAttribute('data-kind')).toBe('merge');

    // Undo from A's log: the merged entity is back in the database and in B's view.
    await a.locator('.curation-entry[data-kind="merge"] .undo-curation').click();
    await b.waitForFunction((m) => window.__dossier!.graph.hasNode(m), merged, { timeout: 20_000 });
    const response = await fetch(`${explorer.server.url}/api/nodes/${encodeURIComponent(merged)}`);
    expect(response.status).toBe(200);
    await b.locator('.curation-entry.undone[data-kind="merge"]').waitFor({ timeout: 15_000 });
    expect(await b.locator('.curation-entry.undone[data-kind="merge"] .curation-undone').textContent()).toContain(
      'undone',
    );
    // The next Undo belongs on the rename, now the latest curation not undone.
    await a.locator('.curation-entry[data-kind="rename"] .undo-curation').waitFor({ timeout: 15_000 });
  }, 90_000);

  it('draws a hypothesis on A that B shows dashed, and the relation filter switches it off', async () => {
    const entities = await entitiesInView(a);
    const [source, target] = [entities[2], entities[3]];
    await select(a, 'node', source);
    await pickEntity(a, 'hypothesis-target', target);
    await a.getByLabel('Hypothesis label').fill('secretly funds');
    await a.getByRole('button', { name: 'Draw hypothesis', exact: true }).click();
    const id = await b
      .waitForFunction(
        ([s, t]) =>
          window
            .__dossier!.graph.edges(s, t)
            .find((e) => window.__dossier!.graph.getEdgeAttribute(e, 'data').type === 'HYPOTHESIS'),
        [source, target] as const,
        { timeout: 20_000 },
      )
      .then((handle) => handle.jsonValue() as Promise<string>);
    const style = await b.evaluate((e) => window.__dossier!.graph.getEdgeAttributes(e), id);
    expect(style.type).toBe('dashed');
    expect(style.label).toBe('? secretly funds');
    expect(style.color).toBe('#e8a33d');
    expect(await b.evaluate((e) => window.__dossier!.sigma.getEdgeDisplayData(e)?.hidden, id)).toBeFalsy();
    await b.locator('.hypotheses .hypothesis', { hasText: 'secretly funds' }).waitFor({ timeout: 15_000 });
    // A picture of the dashed edge to look at (not compared: styles change).
    await b.evaluate((e) => window.__dossier!.app.select({ kind: 'edge', id: e }), id);
    await b.evaluate(([s]) => window.__dossier!.app.graphView.focus(s), [source] as const);
    await b.waitForTimeout(800);
    mkdirSync(ARTIFACTS, { recursive: true });
    await b.screenshot({ path: path.join(ARTIFACTS, 'workshop-hypothesis.png') });

    await b.getByLabel('Show hypothesis').uncheck();
    await b.waitForFunction((e) => window.__dossier!.sigma.getEdgeDisplayData(e)?.hidden === true, id, {
      timeout: 10_000,
    });
    await b.getByLabel('Show hypothesis').check();
    await b.waitForFunction((e) => !window.__dossier!.sigma.getEdgeDisplayData(e)?.hidden, id, { timeout: 10_000 });

    await a.getByRole('button', { name: 'Delete hypothesis secretly funds' }).click();
    await b.waitForFunction((e) => !window.__dossier!.graph.hasEdge(e), id, { timeout: 20_000 });
  }, 60_000);

  it("shows a note on a relation in B's details panel", async () => {
    const edge = await a.evaluate(
      () => window.__dossier!.graph.filterEdges((_e, attrs) => attrs.data.type !== 'HYPOTHESIS')[0],
    );
    await select(a, 'edge', edge);
    await select(b, 'edge', edge);
    await a.locator('.details textarea[name="note"]').fill('Only one source says so.');
    await a.locator('.details').getByRole('button', { name: 'Add note' }).click();
    const note = b.locator('.details .selection-notes .workshop-note', { hasText: 'Only one source says so.' });
    await note.waitFor({ timeout: 15_000 });
    expect(await b.locator('.details .selection-notes .workshop-notes').getAttribute('data-target-kind')).toBe('edge');
    expect(await b.locator('.details .selection-notes h3').textContent()).toContain('relation');
  }, 60_000);

  it("presents in the server's presentation order with each view's notes beside it", async () => {
    await a.evaluate(() => window.__dossier!.app.select(null));
    for (const [name, notes] of [
      ['Opening', 'Start with the overview.'],
      ['Closing', 'End on the supply line.'],
    ]) {
      await a.getByLabel('View name').fill(name);
      await a.getByLabel('View notes').fill(notes);
      await a.getByRole('button', { name: 'Save view' }).click();
      await a.locator('.workshop-views li', { hasText: name }).waitFor({ timeout: 15_000 });
    }
    await a
      .locator('.workshop-views li', { hasText: 'Opening' })
      .getByRole('button', { name: 'Add to presentation' })
      .click();
    await a.locator('.presentation-order li', { hasText: 'Opening' }).waitFor({ timeout: 15_000 });
    await a
      .locator('.workshop-views li', { hasText: 'Closing' })
      .getByRole('button', { name: 'Add to presentation' })
      .click();
    await a.getByRole('button', { name: 'Move Closing up' }).click();
    const ids = await a.evaluate(() =>
      [...document.querySelectorAll('.workshop-views li')].map((li) => [
        li.querySelector('.view-name')!.textContent,
        (li as HTMLElement).dataset.viewId,
      ]),
    );
    const idOf = Object.fromEntries(ids) as Record<string, string>;
    const ws = await workshopId(a);
    // The order is PUT by the panel: wait until the server has it.
    let order: string[] = [];
    for (let i = 0; i < 50 && order.join() !== [idOf.Closing, idOf.Opening].join(); i++) {
      const r = await fetch(`${explorer.server.url}/api/workshops/${ws}/presentation`, {
        headers: { 'x-workshop-token': await token(a) },
      });
      order = ((await r.json()) as { viewIds: string[] }).viewIds;
      if (order.join() !== [idOf.Closing, idOf.Opening].join())
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(order).toEqual([idOf.Closing, idOf.Opening]);

    await b.getByLabel('Follow the presenter').check();
    await a.getByRole('button', { name: 'Present', exact: true }).click();
    await a.locator('.presenter-notes .presenter-view-name', { hasText: 'Closing' }).waitFor({ timeout: 15_000 });
    expect(await a.locator('#app').getAttribute('class')).toContain('presenting');
    expect(await a.locator('.presenter-notes .presenter-view-notes').textContent()).toBe('End on the supply line.');
    expect(await a.locator('.presenter-notes .presenter-step').textContent()).toBe('1 / 2');
    await b
      .locator('.followed-notes .presenter-view-notes', { hasText: 'End on the supply line.' })
      .waitFor({ timeout: 15_000 });

    await a.keyboard.press('ArrowRight');
    await a.locator('.presenter-notes .presenter-view-name', { hasText: 'Opening' }).waitFor({ timeout: 15_000 });
    expect(await a.locator('.presenter-notes .presenter-view-notes').textContent()).toBe('Start with the overview.');
    await b.locator('.followed-notes .presenter-view-name', { hasText: 'Opening' }).waitFor({ timeout: 15_000 });

    // A note added on the view while presenting shows beside it.
    await a.getByLabel('Note on this view').fill('Ask about the dates.');
    await a.getByRole('button', { name: 'Add note to view' }).click();
    await a.locator('.presenter-annotations li', { hasText: 'Ask about the dates.' }).waitFor({ timeout: 15_000 });
    await b
      .locator('.followed-notes .presenter-annotations li', { hasText: 'Ask about the dates.' })
      .waitFor({ timeout: 15_000 });
    await a.keyboard.press('Escape');
    await a.waitForFunction(() => !document.getElementById('app')!.classList.contains('presenting'));
    await b.getByLabel('Follow the presenter').uncheck();
  }, 90_000);

  it('opens a shared view link: at once with a token, after joining without one', async () => {
    const opening = a.locator('.workshop-views li', { hasText: 'Opening' });
    const viewId = (await opening.getAttribute('data-view-id'))!;
    await opening.getByRole('button', { name: 'Copy link' }).click();
    const link = await a.evaluate(() => navigator.clipboard.readText());
    const ws = await workshopId(a);
    expect(new URL(link).search).toBe(`?workshop=${ws}&view=${viewId}`);
    const view = (await (
      await fetch(`${explorer.server.url}/api/workshops/${ws}/views/${viewId}`, {
        headers: { 'x-workshop-token': await token(a) },
      })
    ).json()) as { nodeIds: string[] };

    // A new tab has no token: it asks to join this workshop, then opens the view.
    const c = await openApp(new URL(link).pathname + new URL(link).search);
    await c.locator('.share-link-notice').waitFor({ timeout: 15_000 });
    expect(await c.locator('.share-link-notice').textContent()).toContain(ws);
    await c.getByLabel('Join code').fill(viewerCode);
    await c.locator('input[name="joiner-name"]').fill('Lin');
    await c.getByRole('button', { name: 'Join workshop' }).click();
    await c.waitForSelector(`.workshop[data-opened-view="${viewId}"]`, { timeout: 20_000 });
    expect((await c.evaluate(() => window.__dossier!.graph.nodes())).sort()).toEqual([...view.nodeIds].sort());

    // The same tab keeps its token: the link opens the view straight away.
    await a.evaluate(() => window.__dossier!.app.graph.clear());
    await a.goto(link);
    await a.waitForSelector(`.workshop[data-opened-view="${viewId}"]`, { timeout: 60_000 });
    expect((await a.evaluate(() => window.__dossier!.graph.nodes())).sort()).toEqual([...view.nodeIds].sort());
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
