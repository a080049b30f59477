/**
 * Saved workshop views in a real Chromium: a view keeps what the user made (nodes and positions, hidden
 * nodes, the selection, filters, sizing and colouring, camera) and gives it back when opened, as one step
 * that Ctrl+Z undoes; presenting a view shows that view; a view saved in the older format opens with a
 * message naming what it could not restore.
 */
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../../support/browser';
import { withSeededExplorer } from '../../support/seeded-explorer';

interface Picture {
  nodes: string[];
  hidden: string[];
  selection: { kind: string; id: string } | null;
  selectedNodes: string[];
  filters: { hiddenNodeTypes: string[] };
  appearance: { sizeBy: string; colourBy: string };
  sizeControl: string;
}

describeInBrowser('saved views in Chromium', () => {
  const explorer = withSeededExplorer({ viewport: { width: 1500, height: 1000 } });
  const { pageErrors } = explorer;
  let page: Page;

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  const picture = (p: Page): Promise<Picture> =>
    p.evaluate(() => {
      const app = window.__dossier!.app;
      const v = app.view.get();
      return {
        nodes: app.graph.nodes().sort(),
        hidden: [...v.hidden].sort(),
        selection: v.selection,
        selectedNodes: [...v.selectedNodes].sort(),
        filters: { hiddenNodeTypes: app.filters.get().hiddenNodeTypes },
        appearance: app.appearance.get(),
        sizeControl: (document.querySelector('[aria-label="Size nodes by"]') as HTMLSelectElement).value,
      };
    });

  const workshop = () =>
    page.evaluate(
      () => JSON.parse(sessionStorage.getItem('dossier.workshop')!) as { workshopId: string; token: string },
    );

  async function waitForNodes(ids: string[]): Promise<void> {
    await page.waitForFunction(
      (wanted) => window.__dossier!.app.graph.nodes().sort().join() === wanted,
      [...ids].sort().join(),
      { timeout: 20_000 },
    );
  }

  let saved: Picture;
  let overview: Picture;

  it('saves a view with its hidden nodes, selection, filters, sizing and colouring', async () => {
    page = await explorer.open();
    await page.getByRole('button', { name: 'Workshop', exact: true }).click();
    await page.getByLabel('Workshop name').fill('Views desk');
    await page.locator('input[name="creator-name"]').fill('Ada');
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.waitForSelector('.workshop[data-live="ready"]', { timeout: 15_000 });
    overview = await picture(page);

    // Eight of the best connected, one hidden, two selected, places filtered out, sized by PageRank.
    const kept = await page.evaluate(() => {
      const g = window.__dossier!.app.graph;
      return g
        .nodes()
        .sort((a, b) => g.degree(b) - g.degree(a))
        .slice(0, 8);
    });
    await page.evaluate((ids) => window.__dossier!.app.keepOnly(ids), kept);
    await page.evaluate((id) => window.__dossier!.app.hide([id]), kept[7]);
    await page.evaluate((ids) => {
      const app = window.__dossier!.app;
      app.select({ kind: 'node', id: ids[0] });
      app.toggleSelected(ids[1]);
      app.filters.update((f) => ({ ...f, hiddenNodeTypes: ['Place'] }));
    }, kept);
    await page.getByLabel('Size nodes by').selectOption('pagerank');
    saved = await picture(page);
    expect(saved.nodes).toEqual([...kept].sort());
    expect(saved.hidden).toEqual([kept[7]]);
    expect(saved.selectedNodes).toEqual([kept[0], kept[1]].sort());

    await page.getByLabel('View name').fill('Eight hubs');
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.locator('.workshop-views li', { hasText: 'Eight hubs' }).waitFor({ timeout: 15_000 });
  }, 120_000);

  it('opens the saved view as it was made, and Ctrl+Z gives back the view before it', async () => {
    // Back to the overview as it was before any of it.
    await page.getByLabel('Size nodes by').selectOption('degree');
    await page.evaluate(() => {
      const app = window.__dossier!.app;
      // keep only, hide, and the shift-click that added to the selection: three steps
      app.undo();
      app.undo();
      app.undo();
      app.select(null);
      app.filters.update((f) => ({ ...f, hiddenNodeTypes: [] }));
    });
    expect(await picture(page)).toEqual(overview);

    await page.locator('.workshop-views li', { hasText: 'Eight hubs' }).getByRole('button', { name: 'Open' }).click();
    await waitForNodes(saved.nodes);
    await page.waitForFunction(() => window.__dossier!.app.appearance.get().sizeBy === 'pagerank');
    expect(await picture(page)).toEqual(saved);

    await page.keyboard.press('Control+z');
    await waitForNodes(overview.nodes);
    expect(await picture(page)).toEqual(overview);
    // And Ctrl+Shift+Z opens it again.
    await page.keyboard.press('Control+Shift+z');
    await waitForNodes(saved.nodes);
    expect(await picture(page)).toEqual(saved);
  }, 60_000);

  it('presents the view as it was saved', async () => {
    await page.evaluate(() => window.__dossier!.app.undo());
    await waitForNodes(overview.nodes);
    const item = page.locator('.workshop-views li', { hasText: 'Eight hubs' });
    await item.getByRole('button', { name: 'Add to presentation' }).click();
    await item.getByRole('button', { name: 'Remove from presentation' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.locator('.presenter-notes .presenter-view-name', { hasText: 'Eight hubs' }).waitFor({ timeout: 15_000 });
    await waitForNodes(saved.nodes);
    await page.waitForFunction(() => window.__dossier!.app.appearance.get().sizeBy === 'pagerank');
    expect(await picture(page)).toEqual(saved);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('app')!.classList.contains('presenting'));
    // The step is undoable like opening the view.
    await page.keyboard.press('Control+z');
    await waitForNodes(overview.nodes);
  }, 60_000);

  it('opens a view saved in the older format, and says what it could not restore', async () => {
    const { workshopId, token } = await workshop();
    const nodes = saved.nodes.slice(0, 3);
    const response = await fetch(`${explorer.server.url}/api/workshops/${workshopId}/views`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-workshop-token': token },
      // Format 1: no styling; and a date filter no version wrote, to be named as not restored.
      body: JSON.stringify({
        name: 'Old format',
        nodeIds: [...nodes, 'person:nobody-at-all'],
        positions: { [nodes[0]]: { x: 1, y: 2 } },
        camera: null,
        filters: { hiddenNodeTypes: ['Event'], dateRange: 'last spring' },
      }),
    });
    expect(response.status).toBe(201);
    const old = page.locator('.workshop-views li', { hasText: 'Old format' });
    await old.waitFor({ timeout: 15_000 });
    await old.getByRole('button', { name: 'Open' }).click();
    // The message comes once the view is open.
    await page
      .locator('.toast', {
        hasText: 'Opened "Old format" without the date filter, 1 entity no longer in the database.',
      })
      .waitFor({ timeout: 15_000 });
    const shown = await picture(page);
    expect(shown.nodes).toEqual([...nodes].sort());
    expect(shown.hidden).toEqual([]);
    expect(shown.selection).toBeNull();
    expect(shown.filters.hiddenNodeTypes).toEqual(['Event']);
    expect(shown.appearance).toEqual({ sizeBy: 'degree', colourBy: 'type' });
  }, 60_000);
});
