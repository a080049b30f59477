/**
 * The sigma renderer over the view graph: programs for pictogram nodes and curved edges, reducers fed by
 * the view and filter stores, hover highlight, drag, and the mouse gestures (click selects, double-click
 * expands). Sigma reads the graph; this module never writes domain data into it.
 */
import Sigma from 'sigma';
import { EdgeArrowProgram, NodeCircleProgram, createNodeCompoundProgram } from 'sigma/rendering';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { createNodeImageProgram } from '@sigma/node-image';
import { EdgeDashedArrowProgram } from '../appearance/edge-dashed-program';
import type { EdgeAttributes, NodeAttributes, ViewGraph } from '../graph/view-graph';
import {
  EDGE_LABEL_ZOOM_RATIO,
  edgeDisplay,
  emptyReducerContext,
  nodeDisplay,
  type ReducerContext,
} from '../appearance/reducers';

export interface GraphViewEvents {
  onClickNode(id: string): void;
  onDoubleClickNode(id: string): void;
  onClickEdge(id: string): void;
  onClickStage(): void;
  onHover(id: string | null): void;
  onHoverEdge(id: string | null): void;
  onDragEnd(id: string, moved: boolean): void;
  onCameraChange(): void;
}

export interface GraphView {
  sigma: Sigma<NodeAttributes, EdgeAttributes>;
  setContext(context: Omit<ReducerContext, 'zoomedIn'>): void;
  fit(): void;
  focus(id: string): void;
  kill(): void;
}

export function createGraphView(container: HTMLElement, graph: ViewGraph, events: GraphViewEvents): GraphView {
  const NodePictogramCircleProgram = createNodeCompoundProgram([
    NodeCircleProgram,
    createNodeImageProgram({
      drawingMode: 'color',
      colorAttribute: 'pictoColor',
      padding: 0.22,
      keepWithinCircle: true,
      size: { mode: 'force', value: 96 },
    }),
  ]);

  let context: ReducerContext = emptyReducerContext();

  const sigma = new Sigma<NodeAttributes, EdgeAttributes>(graph, container, {
    allowInvalidContainer: true,
    defaultNodeType: 'pictogram',
    nodeProgramClasses: { pictogram: NodePictogramCircleProgram as never },
    defaultEdgeType: 'straight',
    edgeProgramClasses: {
      straight: EdgeArrowProgram,
      curved: EdgeCurvedArrowProgram,
      dashed: EdgeDashedArrowProgram as never,
    },
    renderEdgeLabels: true,
    enableEdgeEvents: true,
    zIndex: true,
    labelFont: 'Inter, "Segoe UI", system-ui, sans-serif',
    labelSize: 13,
    labelWeight: '500',
    labelColor: { color: '#1f2633' },
    edgeLabelFont: 'Inter, "Segoe UI", system-ui, sans-serif',
    edgeLabelSize: 11,
    edgeLabelColor: { color: '#5a6375' },
    labelDensity: 0.4,
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

  // Edge labels for every edge once the camera is close enough.
  const camera = sigma.getCamera();
  camera.on('updated', (state) => {
    const zoomedIn = state.ratio < EDGE_LABEL_ZOOM_RATIO;
    if (zoomedIn !== context.zoomedIn) {
      context = { ...context, zoomedIn };
      sigma.refresh({ skipIndexation: true });
    }
    events.onCameraChange();
  });

  // Drag a node: move it with the mouse; the camera stays put while dragging.
  let dragged: string | null = null;
  let moved = false;
  sigma.on('downNode', ({ node, event }) => {
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

  sigma.on('clickNode', ({ node }) => {
    if (!moved) events.onClickNode(node);
  });
  sigma.on('doubleClickNode', ({ node, preventSigmaDefault }) => {
    preventSigmaDefault();
    events.onDoubleClickNode(node);
  });
  sigma.on('clickEdge', ({ edge }) => events.onClickEdge(edge));
  sigma.on('clickStage', () => events.onClickStage());
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

  return {
    sigma,
    setContext(next) {
      context = { ...next, zoomedIn: context.zoomedIn };
      sigma.refresh({ skipIndexation: true });
    },
    fit() {
      void camera.animatedReset({ duration: 400 });
    },
    focus(id) {
      const display = sigma.getNodeDisplayData(id);
      if (!display) return;
      void camera.animate(
        { x: display.x, y: display.y, ratio: Math.min(camera.getState().ratio, 0.6) },
        { duration: 500 },
      );
    },
    kill: () => sigma.kill(),
  };
}
