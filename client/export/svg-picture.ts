/**
 * The view as an SVG document: the edges, nodes and labels as sigma drew them (positions, radii, widths and
 * colours in the canvas's CSS pixels), with the optional title and legend of the PNG. Pure: it writes text
 * from a description of the drawing, escaping every name, so it is tested without a browser.
 */
import { LEGEND_FONT_SIZE, TITLE_BAND, layoutLegend, type PictureLegend } from './picture-legend';

export interface DrawnNode {
  id: string;
  x: number;
  y: number;
  radius: number;
  colour: string;
}
export interface DrawnEdge {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  colour: string;
  /** Sigma's curvature of a parallel edge (0: straight). */
  curvature: number;
}
export interface DrawnText {
  text: string;
  x: number;
  y: number; // the middle of the text's line
}

export interface Drawing {
  width: number;
  height: number;
  background: string;
  font: string;
  labelSize: number;
  labelColour: string;
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  labels: DrawnText[];
}

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

const round = (n: number) => Math.round(n * 100) / 100;

function edgeElement(edge: DrawnEdge): string {
  const common = `stroke="${escapeXml(edge.colour)}" stroke-width="${round(edge.width)}" data-id="${escapeXml(edge.id)}"`;
  if (!edge.curvature)
    return `<line x1="${round(edge.x1)}" y1="${round(edge.y1)}" x2="${round(edge.x2)}" y2="${round(edge.y2)}" ${common}/>`;
  // As @sigma/edge-curve bends it: the control point off the middle, along the normal, by curvature × length.
  const dx = edge.x2 - edge.x1;
  const dy = edge.y2 - edge.y1;
  const cx = (edge.x1 + edge.x2) / 2 - dy * edge.curvature;
  const cy = (edge.y1 + edge.y2) / 2 + dx * edge.curvature;
  return `<path d="M${round(edge.x1)} ${round(edge.y1)} Q${round(cx)} ${round(cy)} ${round(edge.x2)} ${round(edge.y2)}" fill="none" ${common}/>`;
}

export function svgPicture(
  drawing: Drawing,
  options: { title?: string; legend?: PictureLegend; measure: (text: string) => number },
): string {
  const top = options.title ? TITLE_BAND : 0;
  const height = drawing.height + top;
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${drawing.width}" height="${height}" viewBox="0 0 ${drawing.width} ${height}" font-family="${escapeXml(drawing.font)}">`,
    `<rect width="100%" height="100%" fill="${escapeXml(drawing.background)}"/>`,
  ];
  if (options.title)
    parts.push(
      `<text class="title" x="12" y="${TITLE_BAND / 2}" dominant-baseline="central" font-size="18" font-weight="600" fill="#1f2633">${escapeXml(options.title)}</text>`,
    );
  parts.push(`<g class="edges" transform="translate(0 ${top})">`, ...drawing.edges.map(edgeElement), `</g>`);
  parts.push(
    `<g class="nodes" transform="translate(0 ${top})">`,
    ...drawing.nodes.map(
      (n) =>
        `<circle cx="${round(n.x)}" cy="${round(n.y)}" r="${round(n.radius)}" fill="${escapeXml(n.colour)}" data-id="${escapeXml(n.id)}"/>`,
    ),
    `</g>`,
  );
  parts.push(
    `<g class="labels" transform="translate(0 ${top})" font-size="${drawing.labelSize}" fill="${escapeXml(drawing.labelColour)}">`,
    ...drawing.labels.map(
      (l) => `<text x="${round(l.x)}" y="${round(l.y)}" dominant-baseline="central">${escapeXml(l.text)}</text>`,
    ),
    `</g>`,
  );
  if (options.legend) {
    const layout = layoutLegend(options.legend, { top, height: drawing.height }, options.measure);
    const { box } = layout;
    parts.push(
      `<g class="legend" font-size="${LEGEND_FONT_SIZE}" fill="#1f2633">`,
      `<rect x="${box.x}" y="${round(box.y)}" width="${box.width}" height="${box.height}" rx="6" fill="#ffffff" fill-opacity="0.92" stroke="#d5dae1"/>`,
      `<text x="${layout.heading.x}" y="${round(layout.heading.y)}" dominant-baseline="central" font-weight="600">${escapeXml(options.legend.heading)}</text>`,
      ...layout.rows.map((row) =>
        [
          `<rect x="${row.swatch.x}" y="${round(row.swatch.y)}" width="${row.swatch.width}" height="${row.swatch.height}" rx="2" fill="${escapeXml(row.colour)}"/>`,
          `<text x="${row.text.x}" y="${round(row.text.y)}" dominant-baseline="central">${escapeXml(row.label)}</text>`,
        ].join(''),
      ),
      `<text x="${layout.sizeNote.x}" y="${round(layout.sizeNote.y)}" dominant-baseline="central" fill="#5b6472">${escapeXml(options.legend.sizeNote)}</text>`,
      `</g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}
