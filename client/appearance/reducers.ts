/**
 * What sigma draws for each node and edge, derived from the graph's rendering attributes and the view
 * state (hover, selection, hidden, filters, zoom, the label layout). Used as sigma's nodeReducer /
 * edgeReducer: they return display data and never change the graph. Pure and DOM-free.
 */
import type { LabelPlacement } from './label-layout';

export const DIMMED_NODE_COLOR = '#e3e6eb';
export const DIMMED_EDGE_COLOR = '#eef0f3';
export const PATH_EDGE_COLOR = '#2f6fde';

export interface ReducerContext {
  hovered: string | null;
  hoverNeighbours: ReadonlySet<string>;
  hoveredEdge: string | null;
  selectedNode: string | null;
  /** Every selected node (shift-click, box, by type), the details panel's one among them. */
  selectedNodes: ReadonlySet<string>;
  selectedEdge: string | null;
  hidden: ReadonlySet<string>; // hidden by hand
  filteredOutNodes: ReadonlySet<string>; // hidden by the filters
  hiddenRelationTypes: ReadonlySet<string>;
  /** The shortest paths shown: everything else is dimmed while there are some. */
  pathNodes: ReadonlySet<string>;
  pathEdges: ReadonlySet<string>;
  /** Size and colour by a metric or community (appearance-state.ts); null: the graph's own. */
  sizes: ReadonlyMap<string, number> | null;
  colours: ReadonlyMap<string, string> | null;
  zoomedIn: boolean; // camera close enough to show every edge label
  /** Pictograms, arrowheads and curves drawn (appearance/level-of-detail.ts); false: plain circles and lines. */
  detailed: boolean;
  /** The labels to draw and on which side (appearance/label-layout.ts); null draws every allowed label. */
  labels: ReadonlyMap<string, { placement: LabelPlacement }> | null;
}

/** Nothing hovered, selected, hidden or filtered. */
export function emptyReducerContext(): ReducerContext {
  return {
    hovered: null,
    hoverNeighbours: new Set(),
    hoveredEdge: null,
    selectedNode: null,
    selectedNodes: new Set(),
    selectedEdge: null,
    hidden: new Set(),
    filteredOutNodes: new Set(),
    hiddenRelationTypes: new Set(),
    pathNodes: new Set(),
    pathEdges: new Set(),
    sizes: null,
    colours: null,
    zoomedIn: false,
    detailed: true,
    labels: null,
  };
}

export interface NodeInput {
  label?: string | null;
  color?: string;
  size?: number;
  [key: string]: unknown;
}

export interface NodeOutput {
  hidden?: boolean;
  color?: string;
  label?: string | null;
  highlighted?: boolean;
  forceLabel?: boolean;
  zIndex?: number;
  size?: number;
  pictoColor?: string;
  labelPlacement?: LabelPlacement;
  type?: string; // the sigma program
}

/** Whether a node may carry a label at all: not while it is dimmed around a hovered node. */
export function labelAllowed(id: string, context: ReducerContext): boolean {
  if (context.hidden.has(id) || context.filteredOutNodes.has(id)) return false;
  if (isSelected(id, context) || id === context.hovered) return true;
  if (context.pathNodes.size && !context.pathNodes.has(id)) return false;
  return context.hovered === null || context.hoverNeighbours.has(id);
}

export function isSelected(id: string, context: ReducerContext): boolean {
  return id === context.selectedNode || context.selectedNodes.has(id);
}

export function nodeDisplay(id: string, attributes: NodeInput, context: ReducerContext): NodeOutput & NodeInput {
  if (context.hidden.has(id) || context.filteredOutNodes.has(id)) return { ...attributes, hidden: true };
  const out: NodeOutput & NodeInput = { ...attributes };
  if (!context.detailed) out.type = PLAIN_NODE_TYPE;
  const size = context.sizes?.get(id);
  if (size !== undefined) out.size = size;
  const colour = context.colours?.get(id);
  if (colour !== undefined) out.color = colour;
  if (context.pathNodes.size) {
    if (context.pathNodes.has(id)) out.zIndex = 3;
    else {
      out.color = DIMMED_NODE_COLOR;
      out.pictoColor = '#ffffff';
      out.label = null;
      out.zIndex = 0;
    }
  }
  if (context.hovered !== null) {
    if (id === context.hovered) {
      out.highlighted = true;
      out.zIndex = 3;
    } else if (context.hoverNeighbours.has(id)) {
      out.forceLabel = true;
      out.zIndex = 2;
    } else {
      out.color = DIMMED_NODE_COLOR;
      out.pictoColor = '#ffffff';
      out.label = null;
      out.zIndex = 0;
    }
  }
  if (isSelected(id, context)) {
    out.highlighted = true;
    out.forceLabel = true;
    out.zIndex = 4;
    out.color = colour ?? attributes.color;
    out.label = attributes.label ?? null;
  }
  if (context.labels && out.label) {
    const placed = context.labels.get(id);
    out.forceLabel = !!placed;
    out.label = placed ? out.label : null;
    if (placed) out.labelPlacement = placed.placement;
  }
  return out;
}

export interface EdgeInput {
  label?: string | null;
  color?: string;
  size?: number;
  data?: { type?: string };
  [key: string]: unknown;
}

export interface EdgeOutput {
  hidden?: boolean;
  color?: string;
  label?: string | null;
  forceLabel?: boolean;
  zIndex?: number;
  size?: number;
  type?: string; // the sigma program
}

/** The programs drawn when the view is not detailed: a plain disc, a line without arrowhead. */
export const PLAIN_NODE_TYPE = 'circle';
export const PLAIN_EDGE_TYPE = 'line';

export function edgeDisplay(
  id: string,
  attributes: EdgeInput,
  source: string,
  target: string,
  context: ReducerContext,
): EdgeOutput & EdgeInput {
  const endHidden = (n: string) => context.hidden.has(n) || context.filteredOutNodes.has(n);
  const type = attributes.data?.type ?? '';
  if (endHidden(source) || endHidden(target) || context.hiddenRelationTypes.has(type)) {
    return { ...attributes, hidden: true };
  }
  const out: EdgeOutput & EdgeInput = { ...attributes };
  // Hypotheses stay dashed at every level: the dash is what tells them from documented facts.
  if (!context.detailed && attributes.type !== 'dashed') out.type = PLAIN_EDGE_TYPE;
  if (context.pathEdges.size && context.hovered === null) {
    if (context.pathEdges.has(id)) {
      return { ...out, color: PATH_EDGE_COLOR, size: (attributes.size ?? 1) + 2, forceLabel: true, zIndex: 3 };
    }
    if (id !== context.selectedEdge) return { ...out, color: DIMMED_EDGE_COLOR, label: null, zIndex: 0 };
  }
  const touchesHover = context.hovered !== null && (source === context.hovered || target === context.hovered);
  const emphasised = touchesHover || id === context.hoveredEdge || id === context.selectedEdge;
  if (context.hovered !== null && !touchesHover && id !== context.selectedEdge) {
    out.color = DIMMED_EDGE_COLOR;
    out.label = null;
    out.zIndex = 0;
    return out;
  }
  if (emphasised) {
    out.forceLabel = true;
    out.zIndex = 2;
    out.size = (attributes.size ?? 1) + 1;
  } else if (!context.zoomedIn) {
    out.label = null; // labels of every edge only when zoomed in: they would pile up otherwise
  }
  return out;
}

/** Camera ratio below which every visible edge gets its label. */
export const EDGE_LABEL_ZOOM_RATIO = 0.45;
