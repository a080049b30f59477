/**
 * Pictures of the view in a real Chromium: PNG at 2× and 4× the canvas (the file's own header read for its
 * size), with a title band and the legend's swatches in the type colours (the PNG decoded and its pixels
 * read), and SVG that parses with every visible node, its colour, the drawn labels, the title and the legend.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Download, Page } from 'playwright-core';
import { NODE_TYPE_STYLES } from '../../../client/appearance/node-style';
import { TITLE_BAND, layoutLegend } from '../../../client/export/picture-legend';
import { describeInBrowser } from '../../support/browser';
import { seedDatedEvents } from '../../support/dated-events';
import { withSeededExplorer } from '../../support/seeded-explorer';

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'artifacts');

/** Width and height from a PNG's IHDR chunk, which follows the 8-byte signature and the chunk's length and type. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

describeInBrowser('pictures of the view in Chromium', () => {
  const explorer = withSeededExplorer({
    viewport: { width: 1280, height: 720 },
    seed: (server) => seedDatedEvents(server.connection),
  });
  let page: Page;
  let canvas: { width: number; height: number };

  beforeAll(async () => {
    page = await explorer.open();
    canvas = await page.evaluate(() => window.__dossier!.sigma.getDimensions());
  }, 120_000);

  afterEach(() => {
    expect(explorer.pageErrors).toEqual([]);
  });

  async function exportPicture(format: string, options: { title?: string; legend?: boolean } = {}): Promise<Buffer> {
    await page.getByRole('button', { name: /Export/ }).click();
    await page.getByRole('textbox', { name: 'Title of the picture' }).fill(options.title ?? '');
    await page.getByRole('checkbox', { name: 'Legend in the picture' }).setChecked(options.legend ?? true);
    const [download]: [Download, void] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.locator(`[data-format="${format}"]`).click(),
    ]);
    return readFileSync((await download.path())!);
  }

  it('exports PNG at 2× and 4× the canvas, a title band above the graph, and leaves the page at its own ratio', async () => {
    expect(pngSize(await exportPicture('png-2', { title: 'Summit week' }))).toEqual({
      width: canvas.width * 2,
      height: (canvas.height + TITLE_BAND) * 2,
    });
    expect(pngSize(await exportPicture('png-4'))).toEqual({ width: canvas.width * 4, height: canvas.height * 4 });
    expect(pngSize(await exportPicture('png'))).toEqual(canvas);
    const page_ = await page.evaluate(() => ({
      ratio: window.devicePixelRatio,
      canvas: (document.querySelector('#graph canvas') as HTMLCanvasElement).width,
    }));
    expect(page_).toEqual({ ratio: 1, canvas: canvas.width });
  }, 90_000);

  it('draws the legend with a swatch in each type colour, and none without it', async () => {
    // Six events and three people in view: the legend lists the commoner type first.
    const legend = {
      heading: 'Colour: type',
      entries: [
        { colour: NODE_TYPE_STYLES.Event.color, label: 'Event', count: 6 },
        { colour: NODE_TYPE_STYLES.Person.color, label: 'Person', count: 3 },
      ],
      sizeNote: 'Size: Degree',
    };
    const layout = layoutLegend(legend, { top: TITLE_BAND, height: canvas.height }, () => 0);
    const centres = layout.rows.map((row) => ({
      x: (row.swatch.x + row.swatch.width / 2) * 2,
      y: (row.swatch.y + row.swatch.height / 2) * 2,
    }));
    const pixels = async (png: Buffer) =>
      page.evaluate(
        async ({ b64, points }) => {
          const image = new Image();
          image.src = `data:image/png;base64,${b64}`;
          await image.decode();
          const c = document.createElement('canvas');
          c.width = image.width;
          c.height = image.height;
          const context = c.getContext('2d')!;
          context.drawImage(image, 0, 0);
          return points.map(({ x, y }) => [...context.getImageData(x, y, 1, 1).data.slice(0, 3)]);
        },
        { b64: png.toString('base64'), points: centres },
      );
    const withLegend = await exportPicture('png-2', { title: 'Legend', legend: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, 'picture-export@2x.png'), withLegend); // to look at
    expect(await pixels(withLegend)).toEqual(legend.entries.map((e) => hexToRgb(e.colour)));
    const without = await pixels(await exportPicture('png-2', { title: 'Legend', legend: false }));
    expect(without).not.toEqual(legend.entries.map((e) => hexToRgb(e.colour)));
  }, 90_000);

  it('exports SVG that parses, with every visible node in its colour, the drawn labels, the title and the legend', async () => {
    const shown = await page.evaluate(() => {
      const { graph, sigma } = window.__dossier!;
      return {
        nodes: graph.filterNodes((id) => !sigma.getNodeDisplayData(id)?.hidden).length,
        edges: graph.filterEdges((id) => !sigma.getEdgeDisplayData(id)?.hidden).length,
        colours: graph.mapNodes((id) => sigma.getNodeDisplayData(id)!.color),
        labels: window.__dossier!.app.graphView.drawnLabels().map((l) => graph.getNodeAttribute(l.id, 'label')),
      };
    });
    const text = (await exportPicture('svg', { title: 'Kim & Putin <2023>' })).toString('utf8');
    const errors: string[] = [];
    const svg = new DOMParser({
      onError: (level, message) => void errors.push(`${level}: ${message}`),
    }).parseFromString(text, 'image/svg+xml').documentElement!;
    expect(errors).toEqual([]);
    expect(svg.getAttribute('width')).toBe(String(canvas.width));
    expect(svg.getAttribute('height')).toBe(String(canvas.height + TITLE_BAND));
    const circles = Array.from(svg.getElementsByTagName('circle'));
    expect(circles).toHaveLength(shown.nodes);
    expect(circles.map((c) => c.getAttribute('fill')).sort()).toEqual([...shown.colours].sort());
    const paths = svg.getElementsByTagName('line').length + svg.getElementsByTagName('path').length;
    expect(paths).toBe(shown.edges);
    const texts = Array.from(svg.getElementsByTagName('text')).map((t) => t.textContent);
    expect(shown.labels.length).toBeGreaterThan(0);
    expect(texts).toEqual(expect.arrayContaining([...shown.labels, 'Kim & Putin <2023>', 'Event (6)', 'Person (3)']));
  }, 60_000);
});
