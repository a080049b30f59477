/**
 * What the explorer says when there is nothing to show or nothing to talk to, and the question it asks
 * before a large expansion: messages that tell the user what to do.
 */
import type { Page } from 'playwright-core';
import { describeInBrowser, launchBrowser, type LaunchedBrowser } from '../../support/browser';
import { emptyDatabase } from '../../support/neo4j';
import { startTestServer, type TestServer } from '../../support/test-server';

describeInBrowser('the explorer when it cannot show a graph', () => {
  let browser: LaunchedBrowser;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    browser = await launchBrowser({ width: 1280, height: 720 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
  });

  async function open(server: TestServer): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(
      () => (document.getElementById('app')?.dataset.state ?? 'loading') !== 'loading',
      undefined,
      {
        timeout: 60_000,
      },
    );
    return page;
  }

  it('says the database is empty and how to fill it', async () => {
    const server = await startTestServer();
    servers.push(server);
    await emptyDatabase(server.connection);
    const page = await open(server);
    expect(await page.locator('#app').getAttribute('data-state')).toBe('empty');
    expect(await page.locator('.overlay').textContent()).toContain('npm run import');
    await page.close();
  }, 120_000);

  it('says Neo4j is unreachable and suggests starting it', async () => {
    const server = await startTestServer({ neo4jUri: 'bolt://127.0.0.1:9' });
    servers.push(server);
    const page = await open(server);
    expect(await page.locator('#app').getAttribute('data-state')).toBe('error');
    expect(await page.locator('.overlay').textContent()).toContain('Neo4j is unreachable: is `npm start` running?');
    expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    await page.close();
  }, 120_000);

  it('asks which types and how many before a large expansion', async () => {
    const page = await open(servers[0]);
    const answer = page.evaluate(() =>
      window.__dossier!.app.askExpandChoice('Russia', 80, { Person: 50, State: 20, Event: 10 }),
    );
    const dialog = page.locator('dialog.expand-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toBe('Russia has 80 neighbours');
    await dialog.getByText('Person (50)').click();
    await dialog.getByRole('spinbutton').fill('10');
    expect(await dialog.locator('.expand-count').textContent()).toBe('10 neighbours will be added.');
    await dialog.getByRole('button', { name: 'Add 10' }).click();
    expect(await answer).toEqual({ types: ['Event', 'State'], relTypes: [], limit: 10 });
    await page.close();
  }, 60_000);
});
