/**
 * Adding documents in a real Chromium against the real server, the test Neo4j and the NLP engine: a PDF
 * made in the test goes in through the "Add documents" button, the progress list follows it to "done" (and
 * stays when the dialog is closed), and the entities it adds appear in the graph beside what was in view.
 * A workshop viewer finds the button disabled, saying why, and the audit log saying who added what.
 */
import type { Page } from 'playwright-core';
import type { ImportJob } from '../../../graph/model/api-types';
import { emptyDatabase } from '../../support/neo4j';
import { describeInBrowser } from '../../support/browser';
import { makePdf } from '../../support/make-documents';
import { openStreams, recordStreams } from '../../support/open-streams';
import { withSeededExplorer } from '../../support/seeded-explorer';
import type { TestServer } from '../../support/test-server';

describeInBrowser('adding documents in Chromium', () => {
  /** Uploads a text through the API and waits for its job: the graph the page opens on. */
  async function seed(server: TestServer, text: string, name: string): Promise<void> {
    const form = new FormData();
    form.append('files', new Blob([text]), name);
    const accepted = (await (
      await fetch(`${server.url}/api/documents`, { method: 'POST', body: form })
    ).json()) as ImportJob;
    for (let i = 0; i < 600; i++) {
      const job = (await (await fetch(`${server.url}/api/jobs/${accepted.id}`)).json()) as ImportJob;
      if (job.state === 'done') return;
      if (job.state === 'failed') throw new Error(`seed failed: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const explorer = withSeededExplorer({
    viewport: { width: 1400, height: 900 },
    seed: async (server) => {
      await emptyDatabase(server.connection);
      await seed(server, 'Kim Jong Un met Vladimir Putin in Vladivostok in April 2019.', 'summit-2019.txt');
    },
  });

  const openApp = () => explorer.open();

  const names = (p: Page) =>
    p.evaluate(() => window.__dossier!.graph.mapNodes((_id, a) => (a.data as { name: string }).name));

  it('uploads a PDF with the button, follows it to done and shows its new entities in the graph', async () => {
    const page = await openApp();
    expect(await names(page)).toContain('Kim Jong Un');
    expect(await names(page)).not.toContain('Sergei Shoigu');
    const camera = await page.evaluate(() => window.__dossier!.sigma.getCamera().getState());

    await page.getByRole('button', { name: 'Add documents' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add documents' });
    await dialog.waitFor();
    await dialog.getByLabel('Choose files').setInputFiles({
      name: 'shoigu-visit.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf([
        ['Russian Defence Minister Sergei Shoigu visited Pyongyang in July 2023.'],
        ['Sergei Shoigu met Kim Jong Un at a weapons exhibition.'],
      ]),
    });
    // The dialog closes on its own; the progress list stays and follows the job.
    await dialog.waitFor({ state: 'hidden' });
    const job = page.locator('.import-progress .import-job');
    await job.locator('.import-file', { hasText: 'shoigu-visit.pdf' }).waitFor();
    await page.locator('.import-progress .import-job[data-state="done"]').waitFor({ timeout: 120_000 });
    expect(await job.locator('.import-file').getAttribute('data-state')).toBe('done');
    expect(await job.locator('.import-summary').textContent()).toBe('Import finished: 1 added');

    await page.waitForFunction(
      () => window.__dossier!.graph.someNode((_id, a) => (a.data as { name: string }).name === 'Sergei Shoigu'),
      undefined,
      { timeout: 15_000 },
    );
    // The documents list knows the new document.
    await page.locator('.sidebar', { hasText: 'Russian Defence Minister Sergei Shoigu' }).waitFor({ timeout: 15_000 });
    // What was in view stays, and so does the camera.
    expect(await names(page)).toContain('Kim Jong Un');
    expect(await page.evaluate(() => window.__dossier!.sigma.getCamera().getState())).toEqual(camera);
    await page.close();
  }, 180_000);

  it('takes a file dropped onto the graph and a pasted text with its title', async () => {
    const page = await openApp();
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File(['Sergei Lavrov met Choe Son Hui in Moscow in November 2023.'], 'dropped-talks.txt', {
          type: 'text/plain',
        }),
      );
      return transfer;
    });
    await page.dispatchEvent('#graph', 'dragenter', { dataTransfer });
    expect(await page.locator('.drop-hint').isVisible()).toBe(true);
    await page.dispatchEvent('#graph', 'drop', { dataTransfer });
    const dropped = page.locator('.import-job', { hasText: 'dropped-talks.txt' });
    await dropped.and(page.locator('[data-state="done"]')).waitFor({ timeout: 120_000 });
    expect(await page.locator('.drop-hint').isHidden()).toBe(true);

    await page.getByRole('button', { name: 'Add documents' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add documents' });
    await dialog.getByLabel('Title').fill('Desk note on Ri Son Gwon');
    await dialog.getByLabel('Text').fill('Ri Son Gwon met Sergei Lavrov in Pyongyang on Friday.');
    await dialog.getByRole('button', { name: 'Add text' }).click();
    const pasted = page.locator('.import-job', { hasText: 'Desk-note-on-Ri-Son-Gwon.txt' });
    await pasted.and(page.locator('[data-state="done"]')).waitFor({ timeout: 120_000 });
    await page.locator('.sidebar', { hasText: 'Desk note on Ri Son Gwon' }).waitFor({ timeout: 15_000 });
    await page.close();
  }, 180_000);

  it("adds a document from inside a workshop under the editor's name", async () => {
    await recordStreams(explorer.browser.context);
    const page = await openApp();
    await page.getByRole('button', { name: 'Workshop', exact: true }).click();
    await page.getByLabel('Workshop name').fill('Upload desk');
    await page.locator('input[name="creator-name"]').fill('Bea');
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.waitForSelector('.workshop[data-live="ready"]', { timeout: 15_000 });
    expect(await page.getByRole('button', { name: 'Add documents' }).isDisabled()).toBe(false);
    await page.getByRole('button', { name: 'Add documents' }).click();
    await page
      .getByRole('dialog', { name: 'Add documents' })
      .getByLabel('Choose files')
      .setInputFiles({
        name: 'editor-note.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Kim Yo Jong warned Seoul over leaflets on Sunday.'),
      });
    const job = page.locator('.import-job', { hasText: 'editor-note.txt' });
    await job.and(page.locator('[data-state="done"]')).waitFor({ timeout: 120_000 });
    // The job's own stream ended with the job: the page holds the workshop's alone.
    const workshopId = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('dossier.workshop') ?? '{}') as { workshopId?: string }).workshopId,
    );
    expect(await openStreams(page)).toEqual([`/api/workshops/${workshopId}/events`]);
    await page
      .locator('.document-log .document-entry', { hasText: 'editor-note.txt' })
      .and(page.locator('.document-entry', { hasText: 'Bea added' }))
      .waitFor({ timeout: 15_000 });
    await page.close();
  }, 180_000);

  it('shows a workshop viewer the button disabled with the reason', async () => {
    const created = (await (
      await fetch(`${explorer.server.url}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Reading room', displayName: 'Ada' }),
      })
    ).json()) as { viewerCode: string };
    const page = await openApp();
    await page.getByRole('button', { name: 'Workshop', exact: true }).click();
    await page.getByLabel('Join code').fill(created.viewerCode);
    await page.locator('input[name="joiner-name"]').fill('Vic');
    await page.getByRole('button', { name: 'Join workshop' }).click();
    await page.waitForSelector('.workshop[data-live="ready"]', { timeout: 15_000 });
    const add = page.getByRole('button', { name: 'Add documents' });
    expect(await add.isDisabled()).toBe(true);
    expect(await add.getAttribute('title')).toBe(
      'Viewers of the workshop "Reading room" cannot add documents; an editor can.',
    );
    // The workshop's audit log says who added the documents of the tests above, and when.
    const entry = page.locator('.document-log .document-entry', { hasText: 'shoigu-visit.pdf' });
    await entry.waitFor({ timeout: 15_000 });
    expect(await entry.locator('.curation-words').textContent()).toMatch(
      /^local user added “.*” \(shoigu-visit\.pdf\)$/,
    );
    await page.close();
  }, 120_000);
});
