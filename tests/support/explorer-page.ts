/**
 * Opening the explorer in a page and reading what it shows, shared by the browser tests of labels,
 * paths and selection.
 */
import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from './browser';

export interface Viewport {
  width: number;
  height: number;
}

/**
 * Opens the explorer at `at.path` (path, query and hash; `/` by default) and waits until the first view is
 * loaded. `at.token` is put in the page's session first, as the token prompt leaves it.
 */
export async function openExplorer(
  browser: LaunchedBrowser,
  url: string,
  viewport: Viewport,
  pageErrors: string[] = [],
  at: { path?: string; token?: string } = {},
): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (at.token) await page.addInitScript((token) => sessionStorage.setItem('dossier.token', token), at.token);
  await page.setViewportSize(viewport);
  await page.goto(`${url}${at.path ?? '/'}`);
  await page.waitForFunction(
    () => {
      const state = document.getElementById('app')?.dataset.state;
      return !!window.__dossier && state !== undefined && state !== 'loading';
    },
    undefined,
    { timeout: 60_000 },
  );
  await page.evaluate(() => window.__dossier!.ready);
  return page;
}

export interface ShownLabel {
  id: string;
  box: { x0: number; y0: number; x1: number; y1: number };
}

/** The node labels sigma drew in its last frame, once two frames in a row agree. */
export async function settledLabels(page: Page): Promise<ShownLabel[]> {
  let previous = '';
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(120);
    const labels = await page.evaluate(() => {
      const view = window.__dossier!.app.graphView;
      const displayed = window.__dossier!.sigma.getNodeDisplayedLabels();
      return { drawn: view.drawnLabels(), displayed: [...displayed].sort() };
    });
    const key = JSON.stringify(labels);
    if (key === previous && !(await page.evaluate(() => window.__dossier!.sigma.getCamera().isAnimated())))
      return labels.drawn;
    previous = key;
  }
  throw new Error('the labels never settled');
}

export function overlapping(labels: readonly ShownLabel[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i].box;
      const b = labels[j].box;
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) pairs.push([labels[i].id, labels[j].id]);
    }
  return pairs;
}

/** Where a node is on screen, in page pixels. */
export async function nodeOnPage(page: Page, id: string): Promise<{ x: number; y: number }> {
  const at = await page.evaluate((node) => {
    // Render now: after a change of the view sigma normalises positions again only at its next frame,
    // which a loaded machine may not have drawn yet.
    window.__dossier!.sigma.refresh();
    const { x, y } = window.__dossier!.graph.getNodeAttributes(node);
    return window.__dossier!.sigma.graphToViewport({ x, y });
  }, id);
  const box = (await page.locator('#graph').boundingBox())!;
  return { x: box.x + at.x, y: box.y + at.y };
}

export function viewSelection(page: Page): Promise<{ kind: string; id: string } | null> {
  return page.evaluate(
    () =>
      (window.__dossier!.state.view as { get(): { selection: { kind: string; id: string } | null } }).get().selection,
  );
}
