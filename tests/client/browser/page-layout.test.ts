/**
 * The page around the canvas in a real Chromium: every control inside the window and not covered at
 * 1024×640, and at 1280×720 with the Cypher console open; the side panels collapse and resize; the canvas
 * goes full screen and back; `?` opens the keyboard help.
 */
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../../support/browser';
import { withSeededExplorer } from '../../support/seeded-explorer';

/**
 * The visible controls under `scope` that are not wholly inside the window, or that another element
 * covers at their centre: what a user could not reach.
 */
function unreachable(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 30)}"`;
    const problems: string[] = [];
    for (const scopeElement of document.querySelectorAll(selector)) {
      for (const control of scopeElement.querySelectorAll<HTMLElement>(
        'button, select, input, textarea, [role="separator"]',
      )) {
        // Not shown (inside a closed <details>, a hidden panel): nothing to reach.
        if (
          !control.checkVisibility({ visibilityProperty: true }) ||
          control.closest('details:not([open]) > :not(summary)')
        )
          continue;
        // A control in a scrolling list (the sidebar, the panel) is reached by scrolling that list alone.
        for (let box = control.parentElement; box && box !== scopeElement.parentElement; box = box.parentElement) {
          const overflow = getComputedStyle(box).overflowY;
          if ((overflow === 'auto' || overflow === 'scroll') && box.scrollHeight > box.clientHeight) {
            const inner = control.getBoundingClientRect();
            const outer = box.getBoundingClientRect();
            box.scrollTop += inner.top - outer.top - (outer.height - inner.height) / 2;
            break;
          }
        }
        const r = control.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.left < 0 || r.top < 0 || r.right > window.innerWidth + 0.5 || r.bottom > window.innerHeight + 0.5) {
          problems.push(`${name(control)} outside the window`);
          continue;
        }
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!hit || !(control === hit || control.contains(hit)))
          problems.push(`${name(control)} covered by ${hit ? name(hit) : 'nothing'}`);
      }
    }
    return problems;
  }, scope);
}

const canvasWidth = (page: Page) => page.evaluate(() => window.__dossier!.sigma.getDimensions().width);
const boxOf = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!;

describeInBrowser('the page layout in Chromium', () => {
  const explorer = withSeededExplorer({ viewport: { width: 1280, height: 720 } });
  const { pageErrors } = explorer;

  beforeAll(() => {
    // Widths and collapsed sides are kept between visits: every test starts from the defaults.
    explorer.browser.context.addInitScript(() => localStorage.removeItem('dossier.layout'));
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it('keeps every control inside the window and uncovered at 1024×640', async () => {
    const page = await explorer.open({ viewport: { width: 1024, height: 640 } });
    expect(await unreachable(page, '#app')).toEqual([]);
    // The canvas keeps a usable share of the window.
    expect(await canvasWidth(page)).toBeGreaterThan(400);
    await page.close();
  }, 60_000);

  it('keeps the top bar to two rows of buttons from 1024 px up, and one on a wide screen', async () => {
    const rows = async (width: number, height: number): Promise<number> => {
      const page = await explorer.open({ viewport: { width, height } });
      const tops = await page
        .locator('.topbar button:visible')
        .evaluateAll((buttons) => [...new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top / 10)))]);
      await page.close();
      return tops.length;
    };
    expect(await rows(1024, 640)).toBeLessThanOrEqual(2);
    expect(await rows(1366, 768)).toBeLessThanOrEqual(2);
    expect(await rows(2200, 1000)).toBe(1);
  }, 90_000);

  it('keeps every control reachable at 1280×720 with the Cypher console open', async () => {
    const page = await explorer.open({ viewport: { width: 1280, height: 720 } });
    await page.getByRole('button', { name: 'Cypher', exact: true }).click();
    await page.locator('.console').waitFor();
    expect(await unreachable(page, '.topbar, .stage, .console')).toEqual([]);
    expect(await page.locator('.console').getByRole('button', { name: 'Close' }).isVisible()).toBe(true);
    await page.close();
  }, 60_000);

  it('collapses and resizes the side panels, and the canvas follows', async () => {
    const page = await explorer.open({ viewport: { width: 1280, height: 720 } });
    const initial = await canvasWidth(page);
    await page.getByRole('button', { name: 'Collapse the sidebar' }).click();
    await page.locator('.sidebar').waitFor({ state: 'hidden' });
    await page.waitForFunction((w) => window.__dossier!.sigma.getDimensions().width > w, initial);
    await page.getByRole('button', { name: 'Collapse the panel' }).click();
    await page.locator('.panel').waitFor({ state: 'hidden' });
    await page.waitForFunction(() => window.__dossier!.sigma.getDimensions().width === window.innerWidth);
    expect(await unreachable(page, '.stage')).toEqual([]);
    await page.getByRole('button', { name: 'Open the sidebar' }).click();
    await page.getByRole('button', { name: 'Open the panel' }).click();
    await page.locator('.panel').waitFor();
    await page.waitForFunction((w) => window.__dossier!.sigma.getDimensions().width === w, initial);

    // Drag the sidebar's edge 80 px to the right, and the panel's 60 px to the left: both widen.
    const sidebar = (await boxOf(page, '.sidebar')).width;
    const panel = (await boxOf(page, '.panel')).width;
    for (const [handle, dx] of [
      ['.sidebar-handle', 80],
      ['.panel-handle', -60],
    ] as const) {
      const box = await boxOf(page, handle);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
    }
    expect((await boxOf(page, '.sidebar')).width).toBeCloseTo(sidebar + 80, 0);
    expect((await boxOf(page, '.panel')).width).toBeCloseTo(panel + 60, 0);
    await page.waitForFunction((w) => window.__dossier!.sigma.getDimensions().width === w, initial - 140);
    // The keyboard moves the edge too.
    await page.getByRole('separator', { name: 'Resize the sidebar' }).focus();
    await page.keyboard.press('ArrowLeft');
    expect((await boxOf(page, '.sidebar')).width).toBeCloseTo(sidebar + 80 - 24, 0);
    await page.close();
  }, 60_000);

  it('gives the canvas the whole window and back, with the button, Shift+F and Esc', async () => {
    const page = await explorer.open({ viewport: { width: 1280, height: 720 } });
    await page.getByRole('button', { name: 'Full-screen canvas' }).click();
    await page.locator('.topbar').waitFor({ state: 'hidden' });
    await page.waitForFunction(() => {
      const { width, height } = window.__dossier!.sigma.getDimensions();
      return width === window.innerWidth && height === window.innerHeight;
    });
    expect(await unreachable(page, '.stage')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('.topbar').waitFor();
    await page.keyboard.press('Shift+F');
    await page.locator('.topbar').waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Leave full screen' }).click();
    await page.locator('.topbar').waitFor();
    expect(await unreachable(page, '.topbar, .stage')).toEqual([]);
    await page.close();
  }, 60_000);

  it('opens the keyboard help with ?', async () => {
    const page = await explorer.open({ viewport: { width: 1024, height: 640 } });
    await page.locator('#graph').click({ position: { x: 200, y: 300 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const text = (await help.textContent()) ?? '';
    for (const what of ['Search', 'Fit the graph', 'Undo', 'Redo', 'Full-screen canvas', 'This help'])
      expect(text).toContain(what);
    expect(await unreachable(page, 'dialog.keyboard-help')).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    // The toolbar's ? opens it too.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await help.waitFor();
    await help.getByRole('button', { name: 'Close' }).click();
    await help.waitFor({ state: 'detached' });
    await page.close();
  }, 60_000);
});
