/**
 * Which node labels are drawn, and on which side of their node. Sigma's own label grid keeps the largest
 * nodes of each grid cell but never checks two labels against each other, so neighbouring cells overlap
 * and a hub that shares a cell with a bigger one goes unlabelled. Here the labels an analyst must always
 * see (selection, hovered neighbourhood, path, the top hubs by size) come first, then the others by size,
 * and each is placed beside its node (right, left, below, above, then a corner) where it overlaps no label
 * placed before it,
 * no obstacle (a control drawn over the canvas) and, if it can, stays inside the canvas. Pure and DOM-free;
 * the renderer draws exactly the boxes computed here.
 */
export type LabelPlacement =
  | 'right'
  | 'left'
  | 'below'
  | 'above'
  | 'above-right'
  | 'below-right'
  | 'above-left'
  | 'below-left'
  | 'right-high'
  | 'right-low'
  | 'left-high'
  | 'left-low';

/** Sides tried in order: sigma's default first, then the other sides, the corners, then beside but a line off. */
export const LABEL_PLACEMENTS: readonly LabelPlacement[] = [
  'right',
  'left',
  'below',
  'above',
  'above-right',
  'below-right',
  'above-left',
  'below-left',
  'right-high',
  'right-low',
  'left-high',
  'left-low',
];

/** Free space kept around a label that must be seen, whatever the density. */
export const REQUIRED_GAP = 2;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Gap between a node's disc and its label, and padding around the text, in pixels. */
const NODE_GAP = 3;
const TEXT_PAD = 1;

/** The box a label fills, in viewport pixels, for a node at (x, y) drawn with radius `size`. */
export function labelBox(
  placement: LabelPlacement,
  node: { x: number; y: number; size: number },
  textWidth: number,
  labelSize: number,
): Box {
  const w = textWidth + 2 * TEXT_PAD;
  const h = labelSize + 2 * TEXT_PAD;
  const { x, y, size } = node;
  switch (placement) {
    case 'right':
      return { x0: x + size + NODE_GAP, y0: y - h / 2, x1: x + size + NODE_GAP + w, y1: y + h / 2 };
    case 'left':
      return { x0: x - size - NODE_GAP - w, y0: y - h / 2, x1: x - size - NODE_GAP, y1: y + h / 2 };
    case 'below':
      return { x0: x - w / 2, y0: y + size + NODE_GAP, x1: x + w / 2, y1: y + size + NODE_GAP + h };
    case 'above':
      return { x0: x - w / 2, y0: y - size - NODE_GAP - h, x1: x + w / 2, y1: y - size - NODE_GAP };
    case 'above-right':
      return { x0: x + size * 0.7, y0: y - size * 0.7 - h, x1: x + size * 0.7 + w, y1: y - size * 0.7 };
    case 'below-right':
      return { x0: x + size * 0.7, y0: y + size * 0.7, x1: x + size * 0.7 + w, y1: y + size * 0.7 + h };
    case 'above-left':
      return { x0: x - size * 0.7 - w, y0: y - size * 0.7 - h, x1: x - size * 0.7, y1: y - size * 0.7 };
    case 'below-left':
      return { x0: x - size * 0.7 - w, y0: y + size * 0.7, x1: x - size * 0.7, y1: y + size * 0.7 + h };
    case 'right-high':
    case 'right-low':
    case 'left-high':
    case 'left-low': {
      const side = labelBox(placement.startsWith('right') ? 'right' : 'left', node, textWidth, labelSize);
      const dy = placement.endsWith('high') ? -h : h;
      return { ...side, y0: side.y0 + dy, y1: side.y1 + dy };
    }
  }
}

/** Where the text goes inside its box: the left end of its baseline. */
export function textOrigin(box: Box, labelSize: number): { x: number; y: number } {
  return { x: box.x0 + TEXT_PAD, y: (box.y0 + box.y1) / 2 + labelSize / 3 };
}

export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;
}

function inside(box: Box, bounds: { width: number; height: number }): boolean {
  return box.x0 >= 0 && box.y0 >= 0 && box.x1 <= bounds.width && box.y1 <= bounds.height;
}

export interface LabelCandidate {
  id: string;
  x: number; // viewport pixels
  y: number;
  size: number; // rendered radius in pixels
  width: number; // text width in pixels
  /** Must be labelled if any placement fits; optional labels are left out rather than moved off screen. */
  required: boolean;
}

export interface PlacedLabel {
  placement: LabelPlacement;
  box: Box;
}

export interface LabelLayoutOptions {
  labelSize: number;
  /** Free space kept around each optional label, in pixels: the density control. */
  gap: number;
  /** The canvas: labels stay inside it where they can. */
  bounds: { width: number; height: number };
  /** Boxes no label may cover (controls drawn over the canvas). */
  obstacles?: readonly Box[];
}

/** A uniform grid of placed boxes, so each test looks at a few neighbours instead of every label. */
class BoxIndex {
  private readonly cells = new Map<string, Box[]>();
  constructor(private readonly cell: number) {}
  private keys(box: Box, gap: number): string[] {
    const keys: string[] = [];
    const c = this.cell;
    for (let i = Math.floor((box.x0 - gap) / c); i <= Math.floor((box.x1 + gap) / c); i++)
      for (let j = Math.floor((box.y0 - gap) / c); j <= Math.floor((box.y1 + gap) / c); j++) keys.push(`${i}:${j}`);
    return keys;
  }
  collides(box: Box, gap: number): boolean {
    for (const key of this.keys(box, gap))
      for (const other of this.cells.get(key) ?? []) if (boxesOverlap(box, other, gap)) return true;
    return false;
  }
  add(box: Box): void {
    for (const key of this.keys(box, 0)) {
      const list = this.cells.get(key);
      if (list) list.push(box);
      else this.cells.set(key, [box]);
    }
  }
}

/**
 * Places labels in the order given (highest priority first). A required label takes the first placement
 * that collides with nothing, preferring one inside the canvas; an optional one only a placement inside
 * the canvas. A label that fits nowhere is not drawn: no two drawn labels ever overlap.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  options: LabelLayoutOptions,
): Map<string, PlacedLabel> {
  const placed = new Map<string, PlacedLabel>();
  const index = new BoxIndex(64);
  const obstacles = options.obstacles ?? [];
  for (const candidate of candidates) {
    if (placed.has(candidate.id)) continue;
    let fallback: PlacedLabel | null = null;
    let chosen: PlacedLabel | null = null;
    for (const placement of LABEL_PLACEMENTS) {
      const box = labelBox(placement, candidate, candidate.width, options.labelSize);
      const gap = candidate.required ? REQUIRED_GAP : options.gap;
      if (index.collides(box, gap) || obstacles.some((o) => boxesOverlap(box, o))) continue;
      if (inside(box, options.bounds)) {
        chosen = { placement, box };
        break;
      }
      fallback ??= { placement, box };
    }
    if (!chosen && candidate.required) chosen = fallback;
    if (!chosen) continue;
    placed.set(candidate.id, chosen);
    index.add(chosen.box);
  }
  return placed;
}

export interface LabelNode {
  id: string;
  size: number; // the node's size attribute: degree or the active size metric
}

export interface LabelPriorityInput {
  /** Visible nodes in the viewport. */
  nodes: readonly LabelNode[];
  selected: ReadonlySet<string>;
  hovered: string | null;
  hoverNeighbours: ReadonlySet<string>;
  /** Nodes of a highlighted path, labelled like the selection. */
  emphasised: ReadonlySet<string>;
  /** Nodes by size among all visible ones, largest first, that count as hubs. */
  hubs: ReadonlySet<string>;
  /** Close enough that every node is required. */
  zoomedIn: boolean;
  /** Nodes rendered at least this large get an optional label (sigma's `labelRenderedSizeThreshold`). */
  eligible: (id: string) => boolean;
  /** 0: only the labels that must be seen; above 0, other labels too. */
  density: number;
}

/** The order labels are placed in: selection, hovered node, path, hovered neighbours, hubs, then by size. */
export function labelOrder(input: LabelPriorityInput): Array<{ id: string; required: boolean }> {
  const tier = (id: string): number => {
    if (input.selected.has(id)) return 0;
    if (id === input.hovered) return 1;
    if (input.emphasised.has(id)) return 2;
    if (input.hoverNeighbours.has(id)) return 3;
    if (input.hubs.has(id)) return 4;
    return input.zoomedIn ? 5 : 6;
  };
  const ranked = input.nodes
    .map((node) => ({ node, tier: tier(node.id) }))
    .filter(({ node, tier }) => tier <= 5 || (input.density > 0 && input.eligible(node.id)));
  ranked.sort((a, b) => a.tier - b.tier || b.node.size - a.node.size || (a.node.id < b.node.id ? -1 : 1));
  return ranked.map(({ node, tier }) => ({ id: node.id, required: tier <= 5 }));
}

/** How many of the largest nodes always carry a label: about one in twelve, between 5 and 20. */
export function hubCount(visibleNodes: number): number {
  return Math.max(5, Math.min(20, Math.round(visibleNodes / 12)));
}

/** The largest nodes by size (ties by id, so the choice is stable). */
export function topHubs(nodes: readonly LabelNode[], count: number): Set<string> {
  return new Set(
    [...nodes]
      .sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1))
      .slice(0, count)
      .map((n) => n.id),
  );
}

/** The density control (0..1) as the free space around each label: 0.5 keeps about one label height. */
export function densityGap(density: number): number {
  return Math.round(2 + (1 - Math.max(0, Math.min(1, density))) * 28);
}
