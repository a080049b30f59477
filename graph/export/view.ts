/**
 * How the explorer drew a node, carried into an export: position, colour and size. They travel as the node
 * attributes graphology and sigma use (`x`, `y`, `color`, `size`), so that GEXF writes them as `viz:`
 * elements, GraphML, JSON and CSV as plain attributes, and graphology's parsers read them back the same way.
 */
import type Graph from 'graphology';
import type { NodeView } from '../model/api-types';

export type { NodeView };

export const VIEW_ATTRIBUTES = ['x', 'y', 'color', 'size'] as const;

/** Puts the view of each node that is in the graph on it; nodes the view does not name keep none. */
export function applyView(graph: Graph, view: Record<string, NodeView>): void {
  for (const [id, node] of Object.entries(view)) {
    if (!graph.hasNode(id)) continue;
    const attributes: NodeView = { x: node.x, y: node.y };
    if (node.color !== undefined) attributes.color = node.color;
    if (node.size !== undefined) attributes.size = node.size;
    graph.mergeNodeAttributes(id, attributes);
  }
}

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a?: number;
}

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*(0|1|0?\.\d+)\s*)?\)$/i;

/** `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(r, g, b)` or `rgba(r, g, b, a)`; null for anything else. */
export function parseColor(color: string): Rgba | null {
  const hex = HEX.exec(color.trim());
  if (hex) {
    const digits = hex[1].length <= 4 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
    const [r, g, b, a] = [0, 2, 4, 6].map((i) => parseInt(digits.slice(i, i + 2), 16));
    return Number.isNaN(a) ? { r, g, b } : { r, g, b, a: Math.round((a / 255) * 100) / 100 };
  }
  const rgb = RGB.exec(color.trim());
  if (!rgb) return null;
  const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map(Number);
  if (r > 255 || g > 255 || b > 255) return null;
  return rgb[4] === undefined ? { r, g, b } : { r, g, b, a: Number(rgb[4]) };
}
