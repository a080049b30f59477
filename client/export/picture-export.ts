/**
 * Pictures of the view: PNG at the screen's size, 2× or 4× (sigma drawn again at that pixel ratio, so
 * labels and edges are sharp, not scaled up), and SVG; both with an optional title above the graph and the
 * legend of what colours and sizes mean in its corner. What is drawn is what the canvas shows: the nodes and
 * edges the reducers leave visible, with their colours and sizes, and the labels the label layout drew.
 */
import { drawOnCanvas } from '@sigma/export-image';
import { appearanceLegend, formatMetricValue } from '../appearance/appearance-state';
import { nodeTypeStyle } from '../appearance/node-style';
import type { DossierApp } from '../app';
import { METRIC_LABELS } from '../metrics/compute-metrics';
import { LEGEND_FONT_SIZE, TITLE_BAND, layoutLegend, type LegendEntry, type PictureLegend } from './picture-legend';
import type { Drawing } from './svg-picture';

export const PICTURE_SCALES = [1, 2, 4] as const;
export type PictureScale = (typeof PICTURE_SCALES)[number];

const BACKGROUND = '#ffffff';
/** Beyond this many pixels a browser may refuse the canvas (Chromium's limit is near 268 M); 4× of 2560×1440 is 59 M. */
const MAX_PIXELS = 120_000_000;

export interface PictureOptions {
  title?: string;
  legend: boolean;
}

/** What the colours and sizes of the view mean now. */
export function currentLegend(app: DossierApp): PictureLegend {
  const look = app.appearance.get();
  const metrics = app.metrics.get().result;
  const { size, communities } = appearanceLegend(look, metrics);
  let entries: LegendEntry[];
  if (look.colourBy === 'community' && communities.length) entries = communities;
  else {
    const counts = new Map<string, number>();
    for (const id of app.visibleNodeIds()) {
      const type = app.graph.getNodeAttribute(id, 'data').type;
      counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    entries = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([type, count]) => ({ colour: nodeTypeStyle(type).color, label: type, count }));
  }
  const sizeNote = size
    ? `Size: ${METRIC_LABELS[look.sizeBy]} ${formatMetricValue(size.min)}–${formatMetricValue(size.max)}`
    : `Size: ${METRIC_LABELS[look.sizeBy]}`;
  return {
    heading: look.colourBy === 'community' && communities.length ? 'Colour: community' : 'Colour: type',
    entries,
    sizeNote,
  };
}

function legendMeasure(font: string): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = `${LEGEND_FONT_SIZE}px ${font}`;
  return (text) => context.measureText(text).width;
}

function fontOf(app: DossierApp): string {
  return app.graphView.sigma.getSetting('labelFont') ?? 'sans-serif';
}

/** The title band and the legend, drawn over a picture of the graph `scale` times the view's CSS size. */
function drawFrame(
  context: CanvasRenderingContext2D,
  size: { width: number; height: number },
  scale: number,
  font: string,
  options: { title?: string; legend?: PictureLegend },
): void {
  context.save();
  context.scale(scale, scale);
  const top = options.title ? TITLE_BAND : 0;
  if (options.title) {
    context.fillStyle = '#1f2633';
    context.font = `600 18px ${font}`;
    context.textBaseline = 'middle';
    context.fillText(options.title, 12, TITLE_BAND / 2);
  }
  if (options.legend) {
    const layout = layoutLegend(options.legend, { top, height: size.height }, legendMeasure(font));
    const { box } = layout;
    context.fillStyle = 'rgba(255, 255, 255, 0.92)';
    context.strokeStyle = '#d5dae1';
    context.beginPath();
    context.roundRect(box.x, box.y, box.width, box.height, 6);
    context.fill();
    context.stroke();
    context.textBaseline = 'middle';
    context.fillStyle = '#1f2633';
    context.font = `600 ${LEGEND_FONT_SIZE}px ${font}`;
    context.fillText(options.legend.heading, layout.heading.x, layout.heading.y);
    context.font = `${LEGEND_FONT_SIZE}px ${font}`;
    for (const row of layout.rows) {
      context.fillStyle = row.colour;
      context.fillRect(row.swatch.x, row.swatch.y, row.swatch.width, row.swatch.height);
      context.fillStyle = '#1f2633';
      context.fillText(row.label, row.text.x, row.text.y);
    }
    context.fillStyle = '#5b6472';
    context.fillText(options.legend.sizeNote, layout.sizeNote.x, layout.sizeNote.y);
  }
  context.restore();
}

/**
 * Sigma reads its pixel ratio from `window.devicePixelRatio` and offers no setting for it: the export's
 * renderer is made while the window says `ratio`. @sigma/export-image builds and draws it before its first
 * await, so the page's own renderer never sees the borrowed ratio.
 */
function withPixelRatio<T>(ratio: number, draw: () => T): T {
  const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => ratio });
  try {
    return draw();
  } finally {
    if (own) Object.defineProperty(window, 'devicePixelRatio', own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

export async function pngPicture(app: DossierApp, scale: PictureScale, options: PictureOptions): Promise<Blob> {
  const sigma = app.graphView.sigma;
  const { width, height } = sigma.getDimensions();
  const top = options.title ? TITLE_BAND : 0;
  if (width * scale * (height + top) * scale > MAX_PIXELS)
    throw new Error(`a ${scale}× picture of this window would be too large to draw; try 2× or a smaller window`);
  const graphCanvas = await withPixelRatio(scale, () =>
    drawOnCanvas(sigma as never, { backgroundColor: BACKGROUND, layers: ['edges', 'nodes', 'edgeLabels', 'labels'] }),
  );
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = (height + top) * scale;
  const context = canvas.getContext('2d')!;
  context.fillStyle = BACKGROUND;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(graphCanvas, 0, top * scale, width * scale, height * scale);
  drawFrame(context, { width, height }, scale, fontOf(app), {
    title: options.title,
    legend: options.legend ? currentLegend(app) : undefined,
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))),
      'image/png',
    ),
  );
}

/** What the canvas shows, in its CSS pixels: visible edges, visible nodes, the labels drawn. */
export function currentDrawing(app: DossierApp): Drawing {
  const sigma = app.graphView.sigma;
  sigma.refresh(); // display data as of now, not of the last frame a busy page drew
  const { width, height } = sigma.getDimensions();
  const drawing: Drawing = {
    width,
    height,
    background: BACKGROUND,
    font: fontOf(app),
    labelSize: sigma.getSetting('labelSize') ?? 13,
    labelColour: (sigma.getSetting('labelColor') as { color?: string } | undefined)?.color ?? '#1f2633',
    nodes: [],
    edges: [],
    labels: [],
  };
  const at = new Map<string, { x: number; y: number }>();
  app.graph.forEachNode((id) => {
    const display = sigma.getNodeDisplayData(id);
    if (!display || display.hidden) return;
    const point = sigma.framedGraphToViewport(display);
    at.set(id, point);
    drawing.nodes.push({ id, x: point.x, y: point.y, radius: sigma.scaleSize(display.size), colour: display.color });
  });
  app.graph.forEachEdge((id, _attributes, source, target) => {
    const display = sigma.getEdgeDisplayData(id);
    const from = at.get(source);
    const to = at.get(target);
    if (!display || display.hidden || !from || !to) return;
    const curvature = (display as { curvature?: number }).curvature ?? 0;
    drawing.edges.push({
      id,
      x1: from.x,
      y1: from.y,
      x2: to.x,
      y2: to.y,
      width: sigma.scaleSize(display.size),
      colour: display.color,
      curvature,
    });
  });
  for (const label of app.graphView.drawnLabels()) {
    const text = app.graph.hasNode(label.id) ? app.graph.getNodeAttribute(label.id, 'label') : null;
    if (text) drawing.labels.push({ text, x: label.box.x0, y: (label.box.y0 + label.box.y1) / 2 });
  }
  return drawing;
}

export function svgMeasure(app: DossierApp): (text: string) => number {
  return legendMeasure(fontOf(app));
}
