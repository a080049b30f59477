/**
 * The lasso in a real Chromium: shift+alt-drag around nodes selects the visible nodes inside the outline,
 * adding to the selection, and each selection is an undoable step (Ctrl+Z gives back the one before).
 */
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../../support/browser';
import { DATED, seedDatedEvents } from '../../support/dated-events';
import { nodeOnPage } from '../../support/explorer-page';
import { withSeededExplorer } from '../../support/seeded-explorer';

describeInBrowser('the lasso in Chromium', () => {
  const explorer = withSeededExplorer({
    viewport: { width: 1366, height: 768 },
    seed: (server) => seedDatedEvents(server.connection),
  });

  afterEach(() => {
    expect(explorer.pageErrors).toEqual([]);
  });

  const selected = (page: Page) => page.evaluate(() => window.__dossier!.app.selectedNodeIds());

  /** Shift+alt-drags a circle of `radius` pixels around the point, in small steps as a hand would. */
  async function lassoAround(page: Page, at: { x: number; y: number }, radius: number): Promise<void> {
    await page.keyboard.down('Shift');
    await page.keyboard.down('Alt');
    await page.mouse.move(at.x + radius, at.y);
    await page.mouse.down();
    for (let step = 1; step <= 24; step++) {
      const angle = (step / 24) * 2 * Math.PI;
      await page.mouse.move(at.x + radius * Math.cos(angle), at.y + radius * Math.sin(angle));
    }
    await page.mouse.up();
    await page.keyboard.up('Alt');
    await page.keyboard.up('Shift');
  }

  it('selects the nodes inside the outline, adds to the selection, and undoes and redoes each lasso', async () => {
    const page = await explorer.open();
    expect(await selected(page)).toEqual([]);
    await lassoAround(page, await nodeOnPage(page, DATED.kim), 14);
    expect(await selected(page)).toEqual([DATED.kim]);
    await lassoAround(page, await nodeOnPage(page, DATED.shoigu), 14);
    expect(await selected(page)).toEqual([DATED.kim, DATED.shoigu].sort());

    await page.keyboard.press('ControlOrMeta+z');
    expect(await selected(page)).toEqual([DATED.kim]);
    await page.keyboard.press('ControlOrMeta+z');
    expect(await selected(page)).toEqual([]);
    await page.keyboard.press('ControlOrMeta+Shift+z');
    expect(await selected(page)).toEqual([DATED.kim]);
  }, 90_000);
});
