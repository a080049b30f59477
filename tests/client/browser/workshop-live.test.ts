/**
 * Workshops in two real Chromium pages against the real server: A creates a workshop and B joins with
 * the viewer code; A's notes appear on B without a reload (as text, never as HTML); A saves two views
 * and presents them, and B, following, moves with A's arrow keys and loses the banner when A stops.
 */
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../../support/browser';
import { withSeededExplorer } from '../../support/seeded-explorer';

describeInBrowser('workshops live in Chromium', () => {
  const explorer = withSeededExplorer({ viewport: { width: 1400, height: 900 } });
  const { pageErrors } = explorer;
  let a: Page;
  let b: Page;

  const openApp = () => explorer.open();

  const camera = (p: Page) => p.evaluate(() => window.__dossier!.sigma.getCamera().getState());
  const selectNode = (p: Page, id: string) =>
    p.evaluate((nodeId) => window.__dossier!.app.select({ kind: 'node', id: nodeId }), id);

  it('creates a workshop on A and joins it on B with the viewer code', async () => {
    a = await openApp();
    b = await openApp();
    await a.getByRole('button', { name: 'Workshop', exact: true }).click();
    await a.getByLabel('Workshop name').fill('Korea desk');
    await a.locator('input[name="creator-name"]').fill('Ada');
    await a.getByRole('button', { name: 'Create workshop' }).click();
    const viewerCode = (await a.locator('.viewer-code').textContent({ timeout: 15_000 }))!;
    expect(viewerCode).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    await expect(a.locator('.workshop-who').textContent()).resolves.toContain('(editor)');

    await b.getByRole('button', { name: 'Workshop', exact: true }).click();
    await b.getByLabel('Join code').fill(viewerCode.toLowerCase());
    await b.locator('input[name="joiner-name"]').fill('Vic');
    await b.getByRole('button', { name: 'Join workshop' }).click();
    await b.locator('.workshop-who').waitFor({ timeout: 15_000 });
    await expect(b.locator('.workshop-who').textContent()).resolves.toContain('(viewer)');
    expect(await b.evaluate(() => sessionStorage.getItem('dossier.workshop'))).toContain('"role":"viewer"');
    await b.waitForSelector('.workshop[data-live="ready"]', { timeout: 15_000 });
    await a.waitForSelector('.workshop[data-live="ready"]', { timeout: 15_000 });
  }, 120_000);

  it('shows a note A adds on B without a reload, as text', async () => {
    const nodeId = await a.evaluate(() => window.__dossier!.graph.nodes()[0]);
    await selectNode(a, nodeId);
    await selectNode(b, nodeId);
    await b.waitForSelector(`.selection-notes .workshop-notes[data-target-id="${nodeId}"]`, { state: 'attached' });
    expect(await b.locator('textarea[name="note"]').isVisible()).toBe(false); // a viewer cannot write

    await a.locator('textarea[name="note"]').fill('Check the second source.');
    await a.getByRole('button', { name: 'Add note' }).click();
    await b
      .locator('.selection-notes .workshop-note', { hasText: 'Check the second source.' })
      .waitFor({ timeout: 15_000 });

    const payload = '<img src=x onerror="window.__xss=1"><b>bold</b>';
    await a.locator('textarea[name="note"]').fill(payload);
    await a.getByRole('button', { name: 'Add note' }).click();
    const note = b.locator('.selection-notes .workshop-note .note-text', { hasText: '<img src=x' });
    await note.waitFor({ timeout: 15_000 });
    expect(await note.textContent()).toBe(payload);
    // The list of every note of the workshop shows it as text too.
    await b.locator('.all-notes .note-text', { hasText: '<img src=x' }).waitFor({ state: 'attached', timeout: 15_000 });
    expect(await b.locator('.all-notes .note-text', { hasText: '<img src=x' }).textContent()).toBe(payload);
    expect(await b.locator('.selection-notes img, .selection-notes b, .workshop img, .workshop b').count()).toBe(0);
    expect(await a.locator('.selection-notes img, .selection-notes b, .workshop img, .workshop b').count()).toBe(0);
    expect(await b.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  }, 60_000);

  it('moves B with the presenter when A presses the right arrow', async () => {
    await a.evaluate(() => window.__dossier!.sigma.getCamera().setState({ x: 0.3, y: 0.4, ratio: 0.8, angle: 0 }));
    await a.getByLabel('View name').fill('First look');
    await a.getByRole('button', { name: 'Save view' }).click();
    await b.locator('.workshop-views li', { hasText: 'First look' }).waitFor({ timeout: 15_000 });

    await a.evaluate(() => window.__dossier!.sigma.getCamera().setState({ x: 0.7, y: 0.2, ratio: 0.35, angle: 0 }));
    await a.getByLabel('View name').fill('Close-up');
    await a.getByRole('button', { name: 'Save view' }).click();
    await b.locator('.workshop-views li', { hasText: 'Close-up' }).waitFor({ timeout: 15_000 });
    await a.locator('.workshop-views li', { hasText: 'Close-up' }).waitFor({ timeout: 15_000 });

    await b.getByLabel('Follow the presenter').check();
    await a.getByRole('button', { name: 'Present', exact: true }).click();
    await b.waitForFunction(
      () => Math.abs(window.__dossier!.sigma.getCamera().getState().ratio - 0.8) < 1e-6,
      undefined,
      {
        timeout: 20_000,
      },
    );
    await a.keyboard.press('ArrowRight');
    await b.waitForFunction(
      () => Math.abs(window.__dossier!.sigma.getCamera().getState().ratio - 0.35) < 1e-6,
      undefined,
      { timeout: 20_000 },
    );
    const moved = await camera(b);
    expect(moved.x).toBeCloseTo(0.7);
    expect(moved.y).toBeCloseTo(0.2);
    const closeUp = await a.locator('.workshop-views li', { hasText: 'Close-up' }).getAttribute('data-view-id');
    expect(await b.locator('.workshop').getAttribute('data-followed-view')).toBe(closeUp);
    expect(await b.locator('.followed-notes .presenter-step').textContent()).toBe('Following the presenter');

    // When A stops presenting, B's banner goes and B is told so.
    await a.keyboard.press('Escape');
    await b.waitForFunction(() => !document.querySelector('.followed-notes .presenter-step'), undefined, {
      timeout: 15_000,
    });
    expect(await b.locator('.workshop').getAttribute('data-followed-view')).toBe('');
    await b.locator('.toast', { hasText: 'stopped presenting' }).waitFor({ timeout: 5_000 });
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
