/**
 * The two timelines in a real Chromium, on hand-written dated events: picking a year in a lane hides the
 * events outside it in that lane and who took part only in them, the undated events are listed apart
 * (and hidden), and the counts of the legend and of the details panel follow the filter.
 */
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../../support/browser';
import { DATED, seedDatedEvents } from '../../support/dated-events';
import { withSeededExplorer } from '../../support/seeded-explorer';

describeInBrowser('the happened and reported timelines in Chromium', () => {
  const explorer = withSeededExplorer({
    viewport: { width: 1366, height: 768 },
    seed: (server) => seedDatedEvents(server.connection),
  });

  afterEach(() => {
    expect(explorer.pageErrors).toEqual([]);
  });

  /** The nodes sigma draws, once the filters' next frame has been rendered. */
  async function drawnNodes(page: Page): Promise<string[]> {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return page.evaluate(() => {
      const { graph, sigma } = window.__dossier!;
      sigma.refresh();
      return graph.filterNodes((id) => !sigma.getNodeDisplayData(id)?.hidden).sort();
    });
  }

  const legendCount = (page: Page, type: string) =>
    page.locator('.legend-item', { hasText: type }).locator('.count').textContent();

  const bar = (page: Page, lane: string, key: string) =>
    page.locator(`.timelines .lane[data-lane="${lane}"] .timeline-bar[data-key="${key}"]`);

  it('hides what did not happen in the year picked, lists the undated event apart and recounts', async () => {
    const page = await explorer.open();
    const everything = Object.values(DATED).sort();
    expect(await drawnNodes(page)).toEqual(everything);
    expect(await legendCount(page, 'Event')).toBe('6');
    // Both lanes over one axis, per year from 2000 to 2024.
    await expect(bar(page, 'happened', '2000').count()).resolves.toBe(1);
    await expect(bar(page, 'reported', '2000').count()).resolves.toBe(1);
    expect(await bar(page, 'happened', '2023').getAttribute('aria-label')).toBe('2023: 1 event happened');
    expect(await bar(page, 'reported', '2024').getAttribute('aria-label')).toBe('2024: 4 events reported');
    expect(await page.locator('.timelines .lag').textContent()).toMatch(/^First report: typically .+ it happened/);

    await bar(page, 'happened', '2023').click();
    // The summit of 2023 and the two who met there; Shoigu took part only in later or undated events.
    expect(await drawnNodes(page)).toEqual([DATED.kim, DATED.putin, DATED.summit].sort());
    expect(await legendCount(page, 'Event')).toBe('1/6');
    expect(await legendCount(page, 'Person')).toBe('2/3');
    expect(await page.locator('.in-view-count').textContent()).toBe(
      '3 of 9 nodes and 2 of 7 relations shown (filters or hidden nodes).',
    );
    expect(await page.locator('.timeline-status').textContent()).toMatch(
      /^Happened 2023: 1 of 6 events shown, 4 outside, 1 without a date/,
    );
    const undated = page.locator('.timelines details.undated');
    expect(await undated.getAttribute('open')).not.toBeNull();
    expect(await undated.locator('summary').textContent()).toBe('Undated (happened): 1 event');
    expect(await undated.locator('li').allTextContents()).toEqual(['arms talks']);
    // An undated event listed apart opens in the details panel, with when it was reported.
    await undated.getByRole('button', { name: 'arms talks' }).click();
    await page.locator('.details-name', { hasText: 'arms talks' }).waitFor();
    expect(await page.locator('.reported-line').textContent()).toBe('Reported in 2 documents, on 2023-09-20.');
    await page.keyboard.press('Escape');
    // The link keeps the range (the hash is written a moment after a change).
    await page.waitForFunction(() => location.hash.includes('dates=2023,2023'));

    // Clicking the bar again shows every date.
    await bar(page, 'happened', '2023').click();
    expect(await drawnNodes(page)).toEqual(everything);
    expect(await legendCount(page, 'Event')).toBe('6');
    await page.close();
  }, 90_000);

  it('filters by when the documents reported it, with the events no dated document mentions apart', async () => {
    const page = await explorer.open();
    await bar(page, 'reported', '2023').click();
    // Reported in 2023: the summit and the talks (an undated event in the other lane), and everyone named then.
    expect(await drawnNodes(page)).toEqual([DATED.kim, DATED.putin, DATED.shoigu, DATED.summit, DATED.talks].sort());
    expect(await page.getByRole('button', { name: 'Reported', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await legendCount(page, 'Event')).toBe('2/6');
    expect(await page.locator('.timelines details.undated li').allTextContents()).toEqual(['Kazan meeting']);
    await page.waitForFunction(() => location.hash.includes('dlane=reported'));

    await page.evaluate((id) => window.__dossier!.app.select({ kind: 'node', id }), DATED.summit);
    await page.locator('.details-name', { hasText: 'Vostochny summit' }).waitFor();
    expect(await page.locator('.reported-line').textContent()).toBe(
      'Reported in 2 documents, from 2023-09-20 to 2024-06-20; first reported 7 days after it happened.',
    );

    // The same year in the other lane, from the lane switch.
    await page.getByRole('button', { name: 'Happened', exact: true }).click();
    expect(await drawnNodes(page)).toEqual([DATED.kim, DATED.putin, DATED.summit].sort());
    await page.close();
  }, 90_000);
});
