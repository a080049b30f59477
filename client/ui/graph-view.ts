/**
 * The sigma renderer over the view graph: programs for pictogram nodes and curved edges, reducers fed by
 * the view and filter stores, hover highlight, drag, and the mouse gestures (click selects, double-click
 * expands). Sigma reads the graph; this module never writes domain data into it.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import {
  DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS,
  EdgeArrowProgram,
  EdgeRectangleProgram,
  NodeCircleProgram,
  createNodeCompoundProgram,
  drawStraightEdgeLabel,
} from 'sigma/rendering';
import {
  DEFAULT_EDGE_CURVE_PROGRAM_OPTIONS,
  createDrawCurvedEdgeLabel,
  createEdgeCurveProgram,
} from '@sigma/edge-curve';
import { createNodeImageProgram } from '@sigma/node-image';
import { EdgeDashedArrowProgram } from '../appearance/edge-dashed-program';
import type { EdgeAttributes, NodeAttributes, ViewGraph } from '../graph/view-graph';
import {
  EDGE_LABEL_ZOOM_RATIO,
  edgeDisplay,
  emptyReducerContext,
  labelAllowed,
  nodeDisplay,
  PLAIN_EDGE_TYPE,
  PLAIN_NODE_TYPE,
  type ReducerContext,
} from '../appearance/reducers';
import { showsDetail, usesZIndex } from '../appearance/level-of-detail';
import { pickEdgesWhenStill } from './edge-picking';
import {
  densityGap,
  hubCount,
  labelOrder,
  placeLabels,
  topHubs,
  type Box,
  type LabelNode,
  type PlacedLabel,
} from '../appearance/label-layout';
import { createDrawLabel, createLabelMeasure, drawNodeHover, labelFont } from '../appearance/label-drawing';
import { fitCamera, type FitItem } from '../appearance/camera-fit';
import { enclosesAnything, extendPath, insidePolygon, type Point } from '../selection/lasso-polygon';
import { boxQuad, guardEdgeLabel, type Quad } from '../appearance/edge-label-guard';

/** Camera ratio below which every node on screen must carry a label. */
const LABEL_ALL_ZOOM_RATIO = 0.5;
/** The least a label takes on the canvas, in square pixels (a short name, one line, no gap). */
const MIN_LABEL_AREA = 400;
/** Pixels kept free between the canvas edge and what Fit frames. */
const FIT_MARGIN = 16;

export interface GraphViewEvents {
  /** `additive`: shift was held (add to the selection, or take out). */
  onClickNode(id: string, additive: boolean): void;
  /** Shift-drag on the background: the visible nodes inside the box. */
  /** A box (shift-drag) or a lasso (shift+alt-drag) ended around these visible nodes. */
  onBoxSelect(ids: string[]): void;
  onRightClickNode(id: string, at: { x: number; y: number }): void;
  onRightClickStage(at: { x: number; y: number }): void;
  onDoubleClickNode(id: string): void;
  onClickEdge(id: string): void;
  onClickStage(): void;
  onHover(id: string | null): void;
  onHoverEdge(id: string | null): void;
  onDragEnd(id: string, moved: boolean): void;
  onCameraChange(): void;
}

export interface DrawnLabel {
  id: string;
  box: Box; // viewport pixels, as drawn on the labels canvas
}

export interface DrawnEdgeLabel {
  id: string;
  quads: Quad[]; // each glyph box (or the whole label) as drawn, in viewport pixels
}

export interface GraphView {
  sigma: Sigma<NodeAttributes, EdgeAttributes>;
  setContext(context: Omit<ReducerContext, 'zoomedIn' | 'detailed' | 'labels'>): void;
  /**
   * Runs a change of many nodes and edges with sigma detached from the graph, then lets sigma read the graph
   * once: attached, sigma answers every added node and edge at once (running its reducer), before the frame
   * that processes them all again.
   */
  batch<T>(change: () => T): T;
  /** Frames every visible node and its label. */
  /** Frames every visible node with its label, or only `nodes` (a query's result) when given. */
  fit(options?: { duration?: number; nodes?: readonly string[] }): Promise<void>;
  /** 0..1: how many labels beyond those that must be seen. */
  labelDensity(): number;
  setLabelDensity(density: number): void;
  /** The node labels drawn in the last frame, with the box each fills. */
  drawnLabels(): DrawnLabel[];
  /** The edge labels drawn in the last frame, where their text went. */
  drawnEdgeLabels(): DrawnEdgeLabel[];
  /** Whether the last frame drew the edges' picking pass (ui/edge-picking.ts): off while the camera moves. */
  edgePickingActive(): boolean;
  focus(id: string): void;
  kill(): void;
}

const EDGE_LABEL_SIZE = 11;
const DENSITY_KEY = 'dossier.labelDensity';
const DEFAULT_DENSITY = 0.5;

function readDensity(): number {
  try {
    const stored = Number(localStorage.getItem(DENSITY_KEY) ?? NaN);
    return Number.isFinite(stored) ? Math.max(0, Math.min(1, stored)) : DEFAULT_DENSITY;
  } catch {
    return DEFAULT_DENSITY;
  }
}

export function createGraphView(container: HTMLElement, graph: ViewGraph, events: GraphViewEvents): GraphView {
  let drawn: DrawnLabel[] = [];
  let lastDrawn: DrawnLabel[] = [];
  let drawnEdges: DrawnEdgeLabel[] = [];
  let lastDrawnEdges: DrawnEdgeLabel[] = [];
  // What the labels of this frame cover: node labels first (sigma draws them first), then edge labels.
  // One list: the node labels' boxes, then the edge labels' of the current pass over them.
  let taken: Quad[] = [];
  let nodeQuads = 0;
  const drawLabel = createDrawLabel((id, box) => {
    drawn.push({ id, box });
    taken.push(boxQuad(box));
    nodeQuads = taken.length;
  });
  const frame = {
    taken: () => taken,
    take: (id: string, quads: Quad[]) => {
      drawnEdges.push({ id, quads });
      taken.push(...quads);
    },
    fontSize: () => EDGE_LABEL_SIZE,
  };
  const edgeKey = (edge: { key?: string }) => edge.key ?? '';
  const drawStraightLabel = guardEdgeLabel(drawStraightEdgeLabel as never, frame, edgeKey as never);
  const EdgeCurvedArrowProgram = createEdgeCurveProgram({
    ...DEFAULT_EDGE_CURVE_PROGRAM_OPTIONS,
    arrowHead: DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS,
    drawLabel: guardEdgeLabel(
      createDrawCurvedEdgeLabel(DEFAULT_EDGE_CURVE_PROGRAM_OPTIONS) as never,
      frame,
      edgeKey as never,
    ) as never,
  });
  const NodePictogramCircleProgram = createNodeCompoundProgram(
    [
      NodeCircleProgram,
      createNodeImageProgram({
        drawingMode: 'color',
        colorAttribute: 'pictoColor',
        padding: 0.22,
        keepWithinCircle: true,
        size: { mode: 'force', value: 96 },
      }),
    ],
    drawLabel as never,
    drawNodeHover as never,
  );

  let context: ReducerContext = { ...emptyReducerContext(), labels: new Map() };
  // What sigma draws while a batch changes the graph: nothing.
  const detached = new Graph<NodeAttributes, EdgeAttributes>();
  let batching = false;
  let density = readDensity();

  const sigma = new Sigma<NodeAttributes, EdgeAttributes>(graph, container, {
    allowInvalidContainer: true,
    defaultNodeType: 'pictogram',
    // The plain programs are sigma's own, drawn when the view shows too many nodes for pictograms
    // (appearance/level-of-detail.ts); they draw labels and hovers with the defaults below.
    nodeProgramClasses: { pictogram: NodePictogramCircleProgram as never, [PLAIN_NODE_TYPE]: NodeCircleProgram },
    defaultDrawNodeLabel: drawLabel as never,
    defaultDrawEdgeLabel: drawStraightLabel as never,
    defaultDrawNodeHover: drawNodeHover as never,
    defaultEdgeType: 'straight',
    edgeProgramClasses: {
      straight: EdgeArrowProgram,
      curved: EdgeCurvedArrowProgram,
      dashed: EdgeDashedArrowProgram as never,
      [PLAIN_EDGE_TYPE]: EdgeRectangleProgram,
    },
    renderEdgeLabels: true,
    enableEdgeEvents: true,
    zIndex: true,
    labelFont: 'Inter, "Segoe UI", system-ui, sans-serif',
    labelSize: 13,
    labelWeight: '500',
    labelColor: { color: '#1f2633' },
    edgeLabelFont: 'Inter, "Segoe UI", system-ui, sans-serif',
    edgeLabelSize: EDGE_LABEL_SIZE,
    edgeLabelColor: { color: '#5a6375' },
    // Sigma's label grid is off (density 0): every label drawn is forced by the label layout, which
    // checks each against the others. The threshold still says which nodes are large enough for an
    // optional label.
    labelDensity: 0,
    labelGridCellSize: 120,
    labelRenderedSizeThreshold: 9,
    minCameraRatio: 0.05,
    maxCameraRatio: 8,
    stagePadding: 40,
    nodeReducer: (node, data) => nodeDisplay(node, data as never, context) as never,
    edgeReducer: (edge, data) => {
      const [source, target] = graph.extremities(edge);
      return edgeDisplay(edge, data as never, source, target, context) as never;
    },
  });

  const measure = createLabelMeasure(labelFont(sigma.getSettings()));
  const edgePicking = pickEdgesWhenStill(sigma as never);

  // What the label layout reads that does not move with the camera, kept between camera frames: the nodes
  // that may carry a label, largest first, with the hubs among them (a sort of every visible node), and the
  // boxes of the controls over the canvas (a read of the page's layout). The first is dropped whenever
  // sigma processes the graph or the graph or view state changes; the second when the page around the
  // canvas changes (its size, an element shown, hidden, moved or restyled, a transition ended).
  let labelled: { nodes: Array<LabelNode & { label: string }>; hubs: Set<string> } | null = null;
  let obstacleBoxes: Box[] | null = null;
  sigma.on('afterProcess', () => {
    labelled = null;
  });
  const stage = container.parentElement;
  const dropObstacles = () => {
    obstacleBoxes = null;
    labelsDirty = true;
  };
  const stageWatch = new MutationObserver(dropObstacles);
  if (stage) {
    stageWatch.observe(stage, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['hidden', 'class', 'style', 'open'],
    });
    stage.addEventListener('transitionend', dropObstacles);
  }
  window.addEventListener('resize', dropObstacles);

  function labelledNodes(): { nodes: Array<LabelNode & { label: string }>; hubs: Set<string> } {
    if (labelled) return labelled;
    const nodes: Array<LabelNode & { label: string }> = [];
    graph.forEachNode((id, attributes) => {
      if (!attributes.label || !labelAllowed(id, context)) return;
      const display = sigma.getNodeDisplayData(id);
      if (!display || display.hidden) return;
      nodes.push({ id, size: display.size, label: attributes.label }); // the active size metric, as the reducer applied it
    });
    // Largest first, as the layout ranks labels within a tier: its sort then finds them nearly in order.
    nodes.sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
    labelled = { nodes, hubs: topHubs(nodes, hubCount(nodes.length)) };
    return labelled;
  }

  function obstacles(): Box[] {
    obstacleBoxes ??= readObstacles();
    return obstacleBoxes;
  }

  /** The boxes of elements marked `data-label-obstacle` over the canvas: no label goes under them. */
  function readObstacles(): Box[] {
    if (!stage) return [];
    const origin = container.getBoundingClientRect();
    return [...stage.querySelectorAll<HTMLElement>('[data-label-obstacle]')]
      .filter((element) => element.offsetParent !== null)
      .map((element) => {
        const r = element.getBoundingClientRect();
        return {
          x0: r.left - origin.left,
          y0: r.top - origin.top,
          x1: r.right - origin.left,
          y1: r.bottom - origin.top,
        };
      });
  }

  /** Recomputes which labels are drawn where; refreshes only the nodes whose label changed. */
  function layoutLabels(): void {
    if (batching) return; // sigma draws the empty graph: the labels wait for the graph to come back
    const { width, height } = sigma.getDimensions();
    const threshold = sigma.getSetting('labelRenderedSizeThreshold');
    const ratio = camera.getState().ratio;
    const { nodes: visible, hubs } = labelledNodes();
    const onScreen: LabelNode[] = [];
    const geometry = new Map<string, { x: number; y: number; size: number; width: number }>();
    for (const node of visible) {
      const display = sigma.getNodeDisplayData(node.id);
      if (!display) continue;
      const at = sigma.framedGraphToViewport(display);
      if (at.x < 0 || at.x > width || at.y < 0 || at.y > height) continue;
      onScreen.push(node);
      geometry.set(node.id, { x: at.x, y: at.y, size: sigma.scaleSize(node.size), width: measure(node.label) });
    }
    const order = labelOrder({
      nodes: onScreen,
      selected: new Set([...context.selectedNodes, ...(context.selectedNode ? [context.selectedNode] : [])]),
      hovered: context.hovered,
      hoverNeighbours: context.hoverNeighbours,
      emphasised: context.pathNodes,
      hubs,
      zoomedIn: ratio <= LABEL_ALL_ZOOM_RATIO,
      eligible: (id) => (geometry.get(id)?.size ?? 0) >= threshold,
      density,
    });
    // Optional labels beyond as many as the canvas could hold side by side are not tried: they come in size
    // order, so the ones left out are the smallest, and on a view of 50k nodes trying each cost most of a frame.
    let optional = Math.ceil((width * height) / MIN_LABEL_AREA);
    const tried = order.filter(({ required }) => required || optional-- > 0);
    const next = placeLabels(
      tried.map(({ id, required }) => ({ id, required, ...geometry.get(id)! })),
      {
        labelSize: sigma.getSetting('labelSize'),
        gap: densityGap(density),
        bounds: { width, height },
        obstacles: obstacles(),
      },
    );
    const previous = context.labels ?? new Map<string, PlacedLabel>();
    const changed: string[] = [];
    for (const [id, placed] of next) if (previous.get(id)?.placement !== placed.placement) changed.push(id);
    for (const id of previous.keys()) if (!next.has(id) && graph.hasNode(id)) changed.push(id);
    if (!changed.length) return;
    context = { ...context, labels: next };
    sigma.refresh({ partialGraph: { nodes: changed }, skipIndexation: true, schedule: true });
  }
  sigma.on('beforeRender', () => {
    drawn = [];
    taken = [];
    nodeQuads = 0;
  });
  // Sigma also redraws the edge labels alone on a hover, after the frame, with no event to say so: each
  // pass over them starts from the node labels again.
  const internals = sigma as unknown as { renderEdgeLabels(): unknown };
  const renderEdgeLabels = internals.renderEdgeLabels.bind(sigma);
  internals.renderEdgeLabels = () => {
    drawnEdges = [];
    taken.length = nodeQuads;
    const result = renderEdgeLabels();
    lastDrawnEdges = drawnEdges;
    return result;
  };
  // The layout runs after a frame only if what it depends on changed since it last ran: the camera, the
  // view state, the graph, the canvas size or the density. Its own refresh then costs one check.
  let labelsDirty = true;
  const markDirty = () => {
    labelsDirty = true;
    labelled = null;
  };
  for (const event of [
    'nodeAdded',
    'nodeDropped',
    'edgeAdded',
    'edgeDropped',
    'cleared',
    'nodeAttributesUpdated',
    'eachNodeAttributesUpdated',
  ] as const)
    graph.on(event, markDirty);
  sigma.on('resize', () => {
    markDirty();
    obstacleBoxes = null;
  });
  sigma.on('afterRender', () => {
    lastDrawn = drawn;
    if (!labelsDirty) return;
    labelsDirty = false;
    layoutLabels();
  });

  // Edge labels for every edge once the camera is close enough.
  const camera = sigma.getCamera();
  camera.on('updated', (state) => {
    labelsDirty = true;
    const zoomedIn = state.ratio < EDGE_LABEL_ZOOM_RATIO;
    const detailed = showsDetail(graph.order, state.ratio);
    if (zoomedIn !== context.zoomedIn || detailed !== context.detailed) {
      context = { ...context, zoomedIn, detailed };
      sigma.refresh({ skipIndexation: true });
    }
    events.onCameraChange();
  });

  // Drag a node: move it with the mouse; the camera stays put while dragging.
  let dragged: string | null = null;
  let moved = false;
  sigma.on('downNode', ({ node, event }) => {
    if (event.original.shiftKey) return; // shift-drag draws a selection box instead
    dragged = node;
    moved = false;
    event.original.preventDefault?.();
  });
  sigma.getMouseCaptor().on('mousemovebody', (event) => {
    if (!dragged) return;
    const position = sigma.viewportToGraph(event);
    graph.mergeNodeAttributes(dragged, { x: position.x, y: position.y });
    moved = true;
    event.preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });
  const endDrag = () => {
    if (dragged) events.onDragEnd(dragged, moved);
    dragged = null;
  };
  sigma.getMouseCaptor().on('mouseup', endDrag);
  sigma.getMouseCaptor().on('mouseleave', endDrag);

  sigma.on('clickNode', ({ node, event }) => {
    if (afterBox()) return;
    if (!moved) events.onClickNode(node, event.original.shiftKey);
  });

  // Shift-drag on the background draws a box; the visible nodes inside it are selected (undoably, by the app).
  const band = document.createElement('div');
  band.className = 'selection-box';
  band.hidden = true;
  container.append(band);
  let boxStart: { x: number; y: number } | null = null;
  // The click that ends a box is not a click on what lies under the mouse.
  let boxEnded = false;
  const afterBox = () => {
    const ended = boxEnded;
    boxEnded = false;
    return ended;
  };
  // Shift+Alt-drag draws a lasso instead: the visible nodes inside the freehand outline are selected.
  const lasso = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  lasso.classList.add('selection-lasso');
  const outline = document.createElementNS('http://www.w3.org/2000/svg', 'polygon');
  lasso.append(outline);
  lasso.style.display = 'none';
  container.append(lasso);
  let lassoPath: Point[] | null = null;
  const visibleInside = (inside: (at: Point) => boolean) =>
    graph.filterNodes((id) => {
      const display = sigma.getNodeDisplayData(id);
      return !!display && !display.hidden && inside(sigma.framedGraphToViewport(display));
    });

  sigma.getMouseCaptor().on('mousedown', (event) => {
    boxEnded = false;
    if (!event.original.shiftKey) return;
    if (event.original.altKey) lassoPath = [{ x: event.x, y: event.y }];
    else boxStart = { x: event.x, y: event.y };
  });
  sigma.getMouseCaptor().on('mousemovebody', (event) => {
    if (lassoPath) {
      event.preventSigmaDefault();
      event.original.preventDefault();
      lassoPath = extendPath(lassoPath, { x: event.x, y: event.y });
      lasso.style.display = '';
      outline.setAttribute('points', lassoPath.map((p) => `${p.x},${p.y}`).join(' '));
      return;
    }
    if (!boxStart) return;
    event.preventSigmaDefault();
    event.original.preventDefault();
    band.hidden = false;
    Object.assign(band.style, {
      left: `${Math.min(boxStart.x, event.x)}px`,
      top: `${Math.min(boxStart.y, event.y)}px`,
      width: `${Math.abs(event.x - boxStart.x)}px`,
      height: `${Math.abs(event.y - boxStart.y)}px`,
    });
  });
  sigma.getMouseCaptor().on('mouseup', (event) => {
    if (lassoPath) {
      const path = extendPath(lassoPath, { x: event.x, y: event.y });
      lassoPath = null;
      lasso.style.display = 'none';
      if (!enclosesAnything(path)) return; // a shift+alt-click, not a lasso
      boxEnded = true;
      events.onBoxSelect(visibleInside((at) => insidePolygon(at, path)));
      return;
    }
    if (!boxStart) return;
    const [x0, x1] = [Math.min(boxStart.x, event.x), Math.max(boxStart.x, event.x)];
    const [y0, y1] = [Math.min(boxStart.y, event.y), Math.max(boxStart.y, event.y)];
    boxStart = null;
    band.hidden = true;
    if (x1 - x0 < 3 && y1 - y0 < 3) return; // a shift-click, not a box
    boxEnded = true;
    events.onBoxSelect(visibleInside((at) => at.x >= x0 && at.x <= x1 && at.y >= y0 && at.y <= y1));
  });

  // Right click: the context menu instead of the browser's.
  container.addEventListener('contextmenu', (event) => event.preventDefault());
  sigma.on('rightClickNode', ({ node, event }) => {
    event.preventSigmaDefault();
    events.onRightClickNode(node, { x: event.x, y: event.y });
  });
  sigma.on('rightClickStage', ({ event }) => {
    event.preventSigmaDefault();
    events.onRightClickStage({ x: event.x, y: event.y });
  });
  sigma.on('doubleClickNode', ({ node, event, preventSigmaDefault }) => {
    preventSigmaDefault();
    // Sigma takes any two clicks in quick succession for a double click: with shift, two selections.
    if (event.original.shiftKey) events.onClickNode(node, true);
    else events.onDoubleClickNode(node);
  });
  sigma.on('clickEdge', ({ edge }) => events.onClickEdge(edge));
  sigma.on('clickStage', () => {
    if (!afterBox()) events.onClickStage();
  });
  sigma.on('enterNode', ({ node }) => {
    container.style.cursor = 'pointer';
    events.onHover(node);
  });
  sigma.on('leaveNode', () => {
    container.style.cursor = '';
    events.onHover(null);
  });
  sigma.on('enterEdge', ({ edge }) => {
    container.style.cursor = 'pointer';
    events.onHoverEdge(edge);
  });
  sigma.on('leaveEdge', () => {
    container.style.cursor = '';
    events.onHoverEdge(null);
  });

  /** The camera that frames every visible node with its label (on its right, as most are drawn). */
  function fitTarget(only?: ReadonlySet<string>): { x: number; y: number; ratio: number } | null {
    const { width, height } = sigma.getDimensions();
    if (!width || !height) return null;
    const reset = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    // Positions at the reset camera, not the current one (sigma's matrix follows the camera only once it
    // renders). With no rotation that is an affine map of the framed coordinates: two points give it.
    const origin = sigma.framedGraphToViewport({ x: 0, y: 0 }, { cameraState: reset });
    const unit = sigma.framedGraphToViewport({ x: 1, y: 1 }, { cameraState: reset });
    const items: FitItem[] = [];
    graph.forEachNode((id, attributes) => {
      if (only && !only.has(id)) return;
      const display = sigma.getNodeDisplayData(id);
      if (!display || display.hidden) return;
      items.push({
        x: origin.x + display.x * (unit.x - origin.x) - width / 2,
        y: origin.y + display.y * (unit.y - origin.y) - height / 2,
        size: display.size,
        labelWidth: attributes.label && labelAllowed(id, context) ? measure(attributes.label) : 0,
      });
    });
    const fit = fitCamera(items, {
      width,
      height,
      margin: FIT_MARGIN,
      labelSize: sigma.getSetting('labelSize'),
      minRatio: 0.5,
      maxRatio: sigma.getSetting('maxCameraRatio') ?? 8,
      radiusAt: (size, ratio) => sigma.scaleSize(size, ratio),
    });
    if (!fit) return null;
    const centre = sigma.viewportToFramedGraph(
      { x: width / 2 + fit.centre.x, y: height / 2 + fit.centre.y },
      { cameraState: reset },
    );
    return { x: centre.x, y: centre.y, ratio: fit.ratio };
  }

  return {
    sigma,
    setContext(next) {
      markDirty();
      const detailed = showsDetail(graph.order, camera.getState().ratio);
      context = { ...next, zoomedIn: context.zoomedIn, detailed, labels: context.labels };
      // The graph's size decides the z-index sort: changing the setting refreshes as the line below does.
      const zIndex = usesZIndex(graph.order);
      if (zIndex !== sigma.getSetting('zIndex')) sigma.setSetting('zIndex', zIndex);
      sigma.refresh({ skipIndexation: true });
    },
    batch(change) {
      batching = true;
      sigma.setGraph(detached);
      try {
        return change();
      } finally {
        batching = false;
        labelsDirty = true;
        sigma.setGraph(graph);
      }
    },
    async fit(options = {}) {
      const target = fitTarget(options.nodes ? new Set(options.nodes) : undefined);
      const duration = options.duration ?? 400;
      if (!target) return options.nodes ? undefined : camera.animatedReset({ duration });
      if (duration === 0) camera.setState(target);
      else await camera.animate(target, { duration });
    },
    labelDensity: () => density,
    setLabelDensity(value) {
      density = Math.max(0, Math.min(1, value));
      labelsDirty = true;
      try {
        localStorage.setItem(DENSITY_KEY, String(density));
      } catch {
        // Private windows may refuse storage: the setting then lasts for the page.
      }
      layoutLabels();
    },
    drawnLabels: () => lastDrawn.map((label) => ({ id: label.id, box: { ...label.box } })),
    edgePickingActive: () => edgePicking.active(),
    drawnEdgeLabels: () =>
      lastDrawnEdges.map((label) => ({ id: label.id, quads: label.quads.map((q) => [...q] as Quad) })),
    focus(id) {
      const display = sigma.getNodeDisplayData(id);
      if (!display) return;
      void camera.animate(
        { x: display.x, y: display.y, ratio: Math.min(camera.getState().ratio, 0.6) },
        { duration: 500 },
      );
    },
    kill: () => {
      stageWatch.disconnect();
      window.removeEventListener('resize', dropObstacles);
      edgePicking.dispose();
      sigma.kill();
    },
  };
}
