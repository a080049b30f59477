/**
 * The Cypher console in a real Chromium at a projector's 1280×720: answers in Graph, Table and Text tabs with
 * relationships and paths written as `(a)-[:TYPE]->(b)` by name, the result framed in the canvas, a syntax
 * error marked at its line and column in the editor, completion of labels, relationship types and property
 * keys from the database, EXPLAIN's plan, and the history.
 */
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../../support/browser';
import { DATED, seedDatedEvents } from '../../support/dated-events';
import { nodeOnPage } from '../../support/explorer-page';
import { withSeededExplorer } from '../../support/seeded-explorer';

describeInBrowser('the Cypher console in Chromium', () => {
  const explorer = withSeededExplorer({
    viewport: { width: 1280, height: 720 },
    seed: (server) => seedDatedEvents(server.connection),
  });
  let page: Page;

  beforeAll(async () => {
    page = await explorer.open();
    await page.getByRole('button', { name: 'Cypher', exact: true }).click();
    await page.locator('.console .cm-content').waitFor();
  }, 120_000);

  afterEach(() => {
    expect(explorer.pageErrors).toEqual([]);
  });

  async function clearEditor(): Promise<void> {
    await page.locator('.console .cm-content').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
  }

  /** Runs the query and waits for its answer (or its error) in the status line. */
  async function run(query: string): Promise<string> {
    await clearEditor();
    await page.keyboard.insertText(query);
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForFunction(
      () => {
        const status = document.querySelector('.console-status')?.textContent ?? '';
        return status !== '' && status !== 'Running…';
      },
      undefined,
      { timeout: 30_000 },
    );
    return (await page.locator('.console-status').textContent()) ?? '';
  }

  /**
   * Enter on the completion list: CodeMirror takes it as a choice only once the list has been shown for
   * its interaction delay (75 ms), so that a fast typist's Enter is not taken for one.
   */
  async function acceptCompletion(): Promise<void> {
    await page.waitForTimeout(150);
    await page.keyboard.press('Enter');
  }

  const tab = (name: string) => page.locator('.console-tabs').getByRole('tab', { name, exact: true });
  const cells = () => page.locator('.console .result-table tbody td').allTextContents();

  it('writes nodes, relationships and paths by name in the table and the text tab, not as JSON', async () => {
    await run(
      "MATCH p = (k:Person {name: 'Kim Jong Un'})-[r:PARTICIPATED_IN]->(e:Event {name: 'Vostochny summit'})\nRETURN k, r, p",
    );
    expect(await page.locator('.console-tabs [role=tab]').allTextContents()).toEqual(['Graph', 'Table', 'Text']);
    expect(await tab('Table').getAttribute('aria-selected')).toBe('true');
    expect(await cells()).toEqual([
      '(Kim Jong Un:Person)',
      '(Kim Jong Un)-[:PARTICIPATED_IN]->(Vostochny summit)',
      '(Kim Jong Un)-[:PARTICIPATED_IN]->(Vostochny summit)',
    ]);

    // A relationship returned alone: its ends are named from the answer's graph.
    await run("MATCH (:Person {name: 'Vladimir Putin'})-[r]->(e:Event) RETURN r ORDER BY e.name");
    expect(await cells()).toEqual([
      '(Vladimir Putin)-[:PARTICIPATED_IN]->(Pyongyang treaty signing)',
      '(Vladimir Putin)-[:PARTICIPATED_IN]->(Vostochny summit)',
    ]);

    // A path walked against its relationships' direction, inside a list.
    await run(
      "MATCH p = (e:Event {name: 'Vostochny summit'})<-[:PARTICIPATED_IN]-(k:Person {name: 'Kim Jong Un'})\nRETURN [p] AS paths, e.date AS date",
    );
    expect(await cells()).toEqual(['[(Vostochny summit)<-[:PARTICIPATED_IN]-(Kim Jong Un)]', '2023-09-13']);
    expect((await cells()).some((text) => text.includes('{') || text.includes('elementId'))).toBe(false);

    await tab('Text').click();
    const text = (await page.locator('.console-text').textContent()) ?? '';
    expect(text.split('\n')).toEqual([
      expect.stringMatching(/^\+-+\+-+\+$/),
      expect.stringMatching(/^\| paths +\| date +\|$/),
      expect.stringMatching(/^\+-+\+-+\+$/),
      '| [(Vostochny summit)<-[:PARTICIPATED_IN]-(Kim Jong Un)] | 2023-09-13 |',
      expect.stringMatching(/^\+-+\+-+\+$/),
      '1 row',
    ]);
    // The tab picked stays picked for the next answer.
    await run("MATCH (k:Person {name: 'Kim Jong Un'}) RETURN k.name AS name");
    expect(await tab('Text').getAttribute('aria-selected')).toBe('true');
    await tab('Table').click();
  }, 90_000);

  it('frames the result in the canvas, and its Graph tab selects it', async () => {
    // The camera far from the graph, zoomed in: nothing of the result in sight before the query.
    await page.evaluate(() => window.__dossier!.sigma.getCamera().setState({ x: 40, y: 40, ratio: 0.05, angle: 0 }));
    const status = await run(
      "MATCH (s:Person {name: 'Sergei Shoigu'})-[r]->(e:Event {name: 'Kazan meeting'}) RETURN s, r, e",
    );
    expect(status).toMatch(/^1 row · \d+ ms · 0 nodes added to the view$/);
    const canvas = (await page.locator('#graph').boundingBox())!;
    for (const id of [DATED.shoigu, DATED.kazan]) {
      const at = await nodeOnPage(page, id);
      expect(at.x).toBeGreaterThan(canvas.x);
      expect(at.x).toBeLessThan(canvas.x + canvas.width);
      expect(at.y).toBeGreaterThan(canvas.y);
      expect(at.y).toBeLessThan(canvas.y + canvas.height);
    }
    await tab('Graph').click();
    expect(await page.locator('.console-graph p').textContent()).toBe(
      '2 nodes and 1 relationship drawn in the view (0 new).',
    );
    expect((await page.locator('.console-graph-types li').allTextContents()).sort()).toEqual(['Event: 1', 'Person: 1']);
    await page.locator('.console-graph').getByRole('button', { name: 'Select them' }).click();
    expect(await page.evaluate(() => window.__dossier!.app.selectedNodeIds())).toEqual(
      [DATED.kazan, DATED.shoigu].sort(),
    );
    // A node in the table selects it in the graph.
    await tab('Table').click();
    await page.locator('.result-table .cell-link', { hasText: '(Kazan meeting:Event)' }).click();
    expect(
      await page.evaluate(() => (window.__dossier!.state.view as { get(): { selection: unknown } }).get().selection),
    ).toEqual({ kind: 'node', id: DATED.kazan });
  }, 90_000);

  it('marks a syntax error at its line and column in the editor, and clears it once the query runs', async () => {
    const status = await run('MATCH (n:Person)\nRETRN n');
    expect(status).toMatch(/not valid Cypher.*\(line 2, column 1\)$/);
    const mark = page.locator('.console .cm-lintRange-error');
    await mark.waitFor();
    expect(await mark.textContent()).toBe('RETRN');
    expect(await page.locator('.console .cm-gutter-lint .cm-lint-marker-error').count()).toBe(1);

    // An error after a leading comment line is placed in the text as typed.
    await run('// who took part\nMATCH (n:Person)\nRETURN m');
    expect(await mark.textContent()).toBe('m');
    expect(await page.locator('.console .cm-line').nth(2).locator('.cm-lintRange-error').count()).toBe(1);

    await run('MATCH (n:Person) RETURN n.name AS name ORDER BY name');
    expect(await page.locator('.console .cm-lintRange-error').count()).toBe(0);
    expect(await cells()).toEqual(['Kim Jong Un', 'Sergei Shoigu', 'Vladimir Putin']);
  }, 90_000);

  it('completes labels, relationship types and property keys from the database', async () => {
    const options = page.locator('.cm-tooltip-autocomplete .cm-completionLabel');
    await clearEditor();
    await page.keyboard.type('MATCH (p:Pe');
    await options.first().waitFor();
    expect(await options.allTextContents()).toContain('Person');
    await acceptCompletion();
    await page.keyboard.type(')-[r:PART');
    await options.first().waitFor();
    expect(await options.allTextContents()).toEqual(['PARTICIPATED_IN']);
    await acceptCompletion();
    await page.keyboard.type(']->(e:');
    await page.keyboard.press('Control+Space');
    await options.first().waitFor();
    // Every label the database holds, Document and Event among them.
    expect(await options.allTextContents()).toEqual(expect.arrayContaining(['Document', 'Event', 'Person']));
    await page.keyboard.type('Ev');
    await acceptCompletion();
    await page.keyboard.type(') RETURN e.da');
    await options.first().waitFor();
    expect(await options.allTextContents()).toContain('date');
    await acceptCompletion();
    const doc = await page.evaluate(() => document.querySelector('.console .cm-content')?.textContent);
    expect(doc).toBe('MATCH (p:Person)-[r:PARTICIPATED_IN]->(e:Event) RETURN e.date');
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.locator('.console-status', { hasText: 'rows' }).waitFor({ timeout: 30_000 });
    expect((await cells()).length).toBe(7); // the seven PARTICIPATED_IN facts
  }, 90_000);

  it('shows the plan of an EXPLAIN without running the query', async () => {
    const before = await page.evaluate(() => window.__dossier!.graph.order);
    const status = await run('EXPLAIN MATCH (p:Person)-[:PARTICIPATED_IN]->(e:Event) RETURN p, e');
    expect(status).toMatch(/^Plan only/);
    expect(await page.locator('.console-tabs [role=tab]').allTextContents()).toEqual(['Plan', 'Text']);
    expect(await tab('Plan').getAttribute('aria-selected')).toBe('true');
    const operators = await page.locator('.plan-tree .plan-name').allTextContents();
    expect(operators[0]).toBe('ProduceResults');
    expect(operators.length).toBeGreaterThan(2);
    expect(await page.locator('.plan-tree .plan-details').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/:Person|:Event/)]),
    );
    expect(await page.locator('.plan-tree .plan-rows').first().textContent()).toMatch(/^~[\d.]+ rows$/);
    expect(await page.evaluate(() => window.__dossier!.graph.order)).toBe(before);
  }, 60_000);

  it('keeps the queries run in a history that puts one back in the editor', async () => {
    const history = page.locator('.console select[aria-label="Query history"]');
    const entries = await history.locator('option').allTextContents();
    expect(entries[0]).toMatch(/^History \(\d+\)$/);
    expect(entries[1]).toBe('EXPLAIN MATCH (p:Person)-[:PARTICIPATED_IN]->(e:Event) RETURN p, e');
    expect(entries).toContain('MATCH (p:Person)-[r:PARTICIPATED_IN]->(e:Event) RETURN e.date');
    await history.selectOption({ label: 'MATCH (n:Person) RETURN n.name AS name ORDER BY name' });
    const doc = await page.evaluate(() => document.querySelector('.console .cm-content')?.textContent);
    expect(doc).toBe('MATCH (n:Person) RETURN n.name AS name ORDER BY name');
  }, 30_000);
});
