/**
 * Live documents in a real Chromium against the real server, the test Neo4j and the NLP engine: a text
 * added on one page is told to another, whose graph takes what it changed without losing its view and
 * whose "What changed" panel lists it; the documents list opens a document in the reader, shows what a past
 * import changed, and removes a document, which every open page hears.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ImportJob } from '../../../graph/model/api-types';
import { emptyDatabase } from '../../support/neo4j';
import { describeInBrowser, launchBrowser, type LaunchedBrowser } from '../../support/browser';
import { openStreams, recordStreams } from '../../support/open-streams';
import { startTestServer, type TestServer } from '../../support/test-server';

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'artifacts');

describeInBrowser('live documents in Chromium', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let uploader: Page;
  let watcher: Page;

  async function seed(text: string, title: string): Promise<void> {
    const accepted = (await (
      await fetch(`${server.url}/api/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title, text }),
      })
    ).json()) as ImportJob;
    for (let i = 0; i < 600; i++) {
      const job = (await (await fetch(`${server.url}/api/jobs/${accepted.id}`)).json()) as ImportJob;
      if (job.state === 'done') return;
      if (job.state === 'failed') throw new Error(`seed failed: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function openApp(): Promise<Page> {
    const p = await browser.context.newPage();
    await p.goto(`${server.url}/`);
    await p.waitForFunction(() => document.getElementById('app')?.dataset.state === 'ready', undefined, {
      timeout: 60_000,
    });
    await p.evaluate(() => window.__dossier!.ready);
    return p;
  }

  const hasNamed = (p: Page, name: string) =>
    p.evaluate(
      (wanted) => window.__dossier!.graph.someNode((_id, a) => (a.data as { name: string }).name === wanted),
      name,
    );

  beforeAll(async () => {
    server = await startTestServer();
    await emptyDatabase(server.connection);
    await seed('Kim Jong Un met Vladimir Putin in Vladivostok in April 2019.', 'Summit in Vladivostok');
    browser = await launchBrowser({ width: 1400, height: 900 });
    await recordStreams(browser.context);
    uploader = await openApp();
    watcher = await openApp();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('tells another page of an upload: its graph keeps its view and takes what is new, and What changed lists it', async () => {
    await watcher.evaluate(() => window.__dossier!.app.select({ kind: 'node', id: 'person:kim-jong-un' }));
    const before = await watcher.evaluate(() => ({
      camera: window.__dossier!.sigma.getCamera().getState(),
      kim: window.__dossier!.graph.getNodeAttributes('person:kim-jong-un'),
    }));

    await uploader.getByRole('button', { name: 'Add documents' }).click();
    const dialog = uploader.getByRole('dialog', { name: 'Add documents' });
    await dialog.getByLabel('Title').fill('Shoigu in Pyongyang');
    await dialog.getByLabel('Text').fill('Sergei Shoigu met Kim Jong Un in Pyongyang in July 2023.');
    await dialog.getByRole('button', { name: 'Add text' }).click();

    const panel = watcher.getByRole('region', { name: 'What changed' });
    await panel.locator('.changes-title', { hasText: 'Shoigu in Pyongyang' }).waitFor({ timeout: 120_000 });
    const newEntities = panel.locator('[data-kind="new-entities"] .change-item');
    expect(await newEntities.allTextContents()).toEqual(expect.arrayContaining(['Sergei Shoigu', 'Pyongyang']));
    expect(await newEntities.allTextContents()).not.toContain('Kim Jong Un');
    expect(await panel.locator('[data-kind="gained-evidence"]').count()).toBe(0);
    // Shoigu met Kim, who is in view: he joins it; the camera, Kim's place and the selection stay.
    expect(await hasNamed(watcher, 'Sergei Shoigu')).toBe(true);
    const after = await watcher.evaluate(() => ({
      camera: window.__dossier!.sigma.getCamera().getState(),
      kim: window.__dossier!.graph.getNodeAttributes('person:kim-jong-un'),
      selection: window.__dossier!.app.view.get().selection,
    }));
    expect(after.camera).toEqual(before.camera);
    expect([after.kim.x, after.kim.y]).toEqual([before.kim.x, before.kim.y]);
    expect(after.selection).toEqual({ kind: 'node', id: 'person:kim-jong-un' });
    mkdirSync(ARTIFACTS, { recursive: true });
    await watcher.screenshot({ path: path.join(ARTIFACTS, 'what-changed.png') });
    // The uploading page shows the same.
    await uploader
      .getByRole('region', { name: 'What changed' })
      .locator('.changes-title', { hasText: 'Shoigu in Pyongyang' })
      .waitFor({ timeout: 15_000 });

    // One click shows every new entity, selected; one item shows itself.
    await panel.getByRole('button', { name: 'Show all new' }).click();
    await watcher.waitForFunction(
      () => window.__dossier!.app.selectedNodeIds().includes('place:pyongyang'),
      undefined,
      { timeout: 15_000 },
    );
    await panel
      .locator('[data-kind="new-entities"]')
      .getByRole('button', { name: 'Sergei Shoigu', exact: true })
      .click();
    await watcher.waitForFunction(
      () => {
        const s = window.__dossier!.app.view.get().selection;
        return s?.kind === 'node' && s.id === 'person:sergei-shoigu';
      },
      undefined,
      { timeout: 15_000 },
    );
  }, 240_000);

  it('lists the documents, opens one in the reader and what a past import changed, and removes one', async () => {
    await watcher.getByRole('button', { name: 'Documents', exact: true }).click();
    const list = watcher.getByRole('dialog', { name: 'Documents' });
    const shoigu = list.locator('tr', { hasText: 'Shoigu in Pyongyang' });
    await shoigu.waitFor({ timeout: 15_000 });
    expect(Number(await shoigu.locator('.doc-entities').textContent())).toBeGreaterThan(1);
    expect(Number(await shoigu.locator('.doc-relations').textContent())).toBeGreaterThan(0);
    expect(await shoigu.textContent()).toContain('txt');
    await watcher.screenshot({ path: path.join(ARTIFACTS, 'documents-list.png') });

    await shoigu.getByRole('button', { name: 'Read' }).click();
    await watcher
      .getByRole('region', { name: 'Document reader' })
      .locator('.reader-title', { hasText: 'Shoigu in Pyongyang' })
      .waitFor({ timeout: 15_000 });

    await watcher.getByRole('button', { name: 'Documents', exact: true }).click();
    await list
      .locator('tr', { hasText: 'Summit in Vladivostok' })
      .getByRole('button', { name: 'What changed' })
      .click();
    const panel = watcher.getByRole('region', { name: 'What changed' });
    await panel.locator('.changes-title', { hasText: 'Summit in Vladivostok' }).waitFor({ timeout: 15_000 });
    expect(await panel.locator('[data-kind="new-entities"] .change-item').allTextContents()).toContain('Kim Jong Un');

    await watcher.getByRole('button', { name: 'Documents', exact: true }).click();
    await shoigu.getByRole('button', { name: 'Remove' }).click();
    await watcher.getByRole('dialog', { name: 'Remove the document' }).getByRole('button', { name: 'Remove' }).click();
    await shoigu.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await list.locator('tr', { hasText: 'Summit in Vladivostok' }).count()).toBe(1);
    // The other page hears it: what only the removed document held leaves its view.
    await uploader.waitForFunction(() => !window.__dossier!.graph.hasNode('person:sergei-shoigu'), undefined, {
      timeout: 15_000,
    });
    expect(await hasNamed(uploader, 'Kim Jong Un')).toBe(true);
  }, 180_000);

  it('tells a workshop viewer too, whose documents list offers no removal, saying why', async () => {
    const created = (await (
      await fetch(`${server.url}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Reading room', displayName: 'Ada' }),
      })
    ).json()) as { viewerCode: string; workshop: { id: string } };
    const viewer = await openApp();
    expect(await openStreams(viewer)).toEqual(['/api/documents/events']);
    await viewer.getByRole('button', { name: 'Workshop', exact: true }).click();
    await viewer.getByLabel('Join code').fill(created.viewerCode);
    await viewer.locator('input[name="joiner-name"]').fill('Vic');
    await viewer.getByRole('button', { name: 'Join workshop' }).click();
    await viewer.waitForSelector('.workshop[data-live="ready"]', { timeout: 15_000 });
    // One long-lived stream a page: the workshop's carries the documents' changes, so the other one closed.
    expect(await openStreams(viewer)).toEqual([`/api/workshops/${created.workshop.id}/events`]);

    await uploader.getByRole('button', { name: 'Add documents' }).click();
    const dialog = uploader.getByRole('dialog', { name: 'Add documents' });
    await dialog.getByLabel('Title').fill('Lavrov in Pyongyang');
    await dialog.getByLabel('Text').fill('Sergei Lavrov met Kim Jong Un in Pyongyang in October 2023.');
    await dialog.getByRole('button', { name: 'Add text' }).click();
    const panel = viewer.getByRole('region', { name: 'What changed' });
    await panel.locator('.changes-title', { hasText: 'Lavrov in Pyongyang' }).waitFor({ timeout: 120_000 });
    expect(await panel.locator('[data-kind="new-entities"]').getByRole('button').allTextContents()).toContain(
      'Sergei Lavrov',
    );

    await viewer.getByRole('button', { name: 'Documents', exact: true }).click();
    const row = viewer.getByRole('dialog', { name: 'Documents' }).locator('tr', { hasText: 'Lavrov in Pyongyang' });
    await row.waitFor({ timeout: 15_000 });
    const remove = row.getByRole('button', { name: 'Remove' });
    expect(await remove.isDisabled()).toBe(true);
    expect(await remove.getAttribute('title')).toBe(
      'Viewers of the workshop "Reading room" cannot remove documents; an editor can.',
    );
    await viewer.keyboard.press('Escape');
    await viewer.locator('.leave-workshop').click();
    await viewer.waitForFunction(() => !document.querySelector('.workshop')?.hasAttribute('data-live'));
    expect(await openStreams(viewer)).toEqual(['/api/documents/events']);
    await viewer.close();
  }, 240_000);
});
