/**
 * How much the graph view draws for how many nodes: pictograms, arrowheads and curves while few enough nodes
 * are on screen to read them, plain circles and lines otherwise (each pictogram is a second draw per node, an
 * arrowhead a second draw per edge, a curve a costly fragment shader; sigma draws every node and edge on every
 * frame, on screen or not). Pure: the graph view asks it on every camera move.
 */

/** Views of at most this many nodes (an analyst's working view) are always drawn in full. */
export const DETAIL_ALWAYS_NODES = 300;

/**
 * Nodes on screen up to which a larger view is drawn in full: about 80 px apart on a 1280×800 canvas, room
 * for a pictogram and its label. Zoomed out further, a pictogram is a few pixels crowded by its neighbours.
 */
export const DETAIL_ON_SCREEN_NODES = 150;

/**
 * Whether a view of `order` nodes, seen at camera `ratio` (1: the whole graph framed, smaller: zoomed in),
 * shows pictograms. The graph spreads over the framed area, so about `order × ratio²` nodes are on screen.
 */
export function showsDetail(order: number, ratio: number): boolean {
  return order <= DETAIL_ALWAYS_NODES || order * ratio * ratio <= DETAIL_ON_SCREEN_NODES;
}

/**
 * Nodes above which sigma's `zIndex` is off. It sorts every node and edge each time it processes the graph
 * (every hover); above this many nodes that sort is most of a hover's cost, while the hovered and selected
 * nodes are drawn again on sigma's hover layer, above the others, with or without it.
 */
export const Z_INDEX_NODE_LIMIT = 5_000;

export function usesZIndex(order: number): boolean {
  return order <= Z_INDEX_NODE_LIMIT;
}
