/**
 * Workshops behind an API token, as a server off loopback requires one: every workshop call and the live
 * event stream carry it, so a note written on A reaches B live. Without the token in the session, the
 * server refuses the workshop calls.
 */
import { describeInBrowser } from '../../support/browser';
import { withSeededExplorer } from '../../support/seeded-explorer';

const TOKEN = 'browser-test-token-0123456789abcdef';

describeInBrowser('workshops behind an API token in Chromium', () => {
  // Every page opens with the API token in its session, as the token prompt leaves it.
  const explorer = withSeededExplorer({ viewport: { width: 1400, height: 900 }, token: TOKEN });

  const openApp = () => explorer.open();

  it('creates, joins and shares a live note with the token on every call and on the event stream', async () => {
    const a = await openApp();
    const b = await openApp();
    await a.getByRole('button', { name: 'Workshop', exact: true }).click();
    await a.getByLabel('Workshop name').fill('Token desk');
    await a.locator('input[name="creator-name"]').fill('Ada');
    await a.getByRole('button', { name: 'Create workshop' }).click();
    const viewerCode = (await a.locator('.viewer-code').textContent({ timeout: 15_000 }))!;

    await b.getByRole('button', { name: 'Workshop', exact: true }).click();
    await b.getByLabel('Join code').fill(viewerCode);
    await b.locator('input[name="joiner-name"]').fill('Vic');
    await b.getByRole('button', { name: 'Join workshop' }).click();
    await b.waitForSelector('.workshop[data-live="ready"]', { timeout: 15_000 });
    await a.waitForSelector('.workshop[data-live="ready"]', { timeout: 15_000 });

    const nodeId = await a.evaluate(() => window.__dossier!.graph.nodes()[0]);
    for (const p of [a, b]) await p.evaluate((id) => window.__dossier!.app.select({ kind: 'node', id }), nodeId);
    await a.locator('textarea[name="note"]').fill('Seen behind the token.');
    await a.getByRole('button', { name: 'Add note' }).click();
    await b
      .locator('.selection-notes .workshop-note', { hasText: 'Seen behind the token.' })
      .waitFor({ timeout: 15_000 });
  }, 120_000);

  it('is refused without the token', async () => {
    const res = await fetch(`${explorer.server.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'No token', displayName: 'Eve' }),
    });
    expect(res.status).toBe(401);
  });
});
