/**
 * The explorer's controller: owns the view graph and the stores, and offers the actions the panels call
 * (select, focus, expand, hide, remove, collapse, layout, undo/redo, query results). Each action that
 * changes the view is recorded for undo as a before/after snapshot.
 */
import type { GraphEdge, NodeDetails, Subgraph } from '../graph/model/api-types';
import type { CurationSummary } from '../graph/workshop/types';
import { TOKEN_STORAGE_KEY, createApiClient, type ApiClient } from './api/api-client';
import { plainMessage } from './api/api-error';
import { EMPTY_FILTERS, edgePassesFilters, type FilterContext, type FilterState } from './filters/filters';
import { filterView, type FilteredView } from './filters/filtered-view';
import {
  createViewGraph,
  leavesOf,
  mergeSubgraph,
  neighbourSet,
  removeNodes,
  refreshRendering,
  restoreGraph,
  snapshotGraph,
  syncHypothesisEdges,
  type SerializedView,
  type ViewGraph,
} from './graph/view-graph';
import { canRedo, canUndo, emptyHistory, record, redo, undo, type HistoryState } from './history/history';
import { EXPAND_THRESHOLD, needsChoice, neighborQuery, type ExpandChoice } from './expand/expand-plan';
import { createLayoutRunner, type LayoutRunner } from './layout/layout-runner';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutSettings, type ShapeLayout } from './layout/layout-settings';
import { createStore, type Store } from './state/store';
import {
  INITIAL_VIEW,
  forgetMissing,
  hideNodes,
  invertSelection,
  restoreSelection,
  select,
  selectNodes,
  setHidden,
  showAll,
  toggleSelected,
  type Selection,
  type ViewState,
} from './state/view-state';
import { createGraphView, type GraphView } from './ui/graph-view';
import type { CameraPicture, ViewPicture } from './state/view-picture';
import type { DocumentsPatch } from './documents/documents-refresh';
import { planCurationRefresh } from './workshop/graph-refresh';
import { INITIAL_APPEARANCE, communityColours, metricSizes, type AppearanceState } from './appearance/appearance-state';
import { INITIAL_METRICS, syncMetrics, type MetricsState } from './metrics/metrics-sync';
import {
  INITIAL_PATHS,
  clearPaths,
  noPathMessage,
  pathHighlight,
  pathsAnswered,
  pathsFailed,
  pathsLoading,
  type PathState,
} from './paths/path-state';

export interface ViewSnapshot {
  graph: SerializedView;
  hidden: string[];
  /** Kept by the steps that change more than the graph (opening a view), and put back with it. */
  look?: ViewLook;
}

interface ViewLook {
  selection: Selection;
  selectedNodes: string[];
  filters: FilterState;
  appearance: AppearanceState;
  camera: CameraPicture;
}

export interface OpenedView {
  /** Entities of the view the database no longer has. */
  missing: string[];
}

export interface ReaderTarget {
  documentId: string;
  highlight: { start: number; end: number } | null;
  sentence?: string; // located in the text when only the sentence is known
  around?: number;
}

export interface UiState {
  status: 'loading' | 'ready' | 'empty' | 'error';
  message: string | null; // what the overlay says (loading / empty / error)
  busy: string | null; // a short running task ("Expanding Shoigu…")
  reader: ReaderTarget | null;
  layoutRunning: boolean;
  consoleOpen: boolean;
  /** Counts imports that added documents: whatever lists the documents reads them again when it moves. */
  documentsVersion: number;
  /** The context menu open at a point of the canvas, on a node or on the background. */
  contextMenu: { node: string | null; x: number; y: number } | null;
}

export type Notify = (message: string, kind?: 'info' | 'error') => void;
export type AskExpandChoice = (
  name: string,
  total: number,
  countsByType: Record<string, number>,
) => Promise<ExpandChoice | null>;

export interface DossierApp {
  api: ApiClient;
  graph: ViewGraph;
  view: Store<ViewState>;
  filters: Store<FilterState>;
  history: Store<HistoryState<ViewSnapshot>>;
  ui: Store<UiState>;
  /** The shortest paths asked for and shown (paths/path-state.ts). */
  paths: Store<PathState>;
  /** Size and colour by (appearance/appearance-state.ts), and the metrics they read. */
  appearance: Store<AppearanceState>;
  metrics: Store<MetricsState>;
  /** ForceAtlas2's settings and noverlap after it (layout/layout-settings.ts). */
  layoutSettings: Store<LayoutSettings>;
  graphView: GraphView;
  layout: LayoutRunner;
  notify: Notify;
  askExpandChoice: AskExpandChoice;
  select(selection: Selection): void;
  /** Shift-click: adds the node to the selected nodes, or takes it out. */
  toggleSelected(id: string): void;
  /** Selects these nodes (`add`: besides those selected), as one undoable step. */
  selectNodes(ids: string[], add?: boolean): void;
  /** Selects the visible nodes not selected, and unselects the others (undoable). */
  invertSelection(): void;
  /** The selected nodes still loaded and visible, sorted. */
  selectedNodeIds(): string[];
  /** Removes from the view every node but these (undoable). */
  keepOnly(ids: string[]): void;
  /** Pins the nodes where they are (layouts leave them there), or unpins them (undoable). */
  pin(ids: string[], pinned: boolean): void;
  /** Expands several nodes as one undoable step. */
  expandMany(ids: string[]): Promise<void>;
  focusNode(id: string): Promise<void>;
  expand(id: string): Promise<void>;
  hide(ids: string[]): void;
  showHidden(): void;
  remove(ids: string[]): void;
  collapse(id: string): void;
  settleLayout(label?: string): Promise<void>;
  /** Nodes on a circle or packed in circles by type or community, as one undoable step. */
  shapeLayout(shape: ShapeLayout): Promise<void>;
  toggleLayout(): Promise<void>;
  undo(): void;
  redo(): void;
  /**
   * Adds (or replaces the view with) a subgraph as one undoable step. Nodes given `positions` are placed
   * there; the layout runs only when some added node has no position (saved views, embedding pages and
   * the render benchmark pass every position and get no layout step).
   */
  applySubgraph(
    subgraph: Subgraph,
    mode: 'add' | 'replace',
    label: string,
    options?: { positions?: Readonly<Record<string, { x: number; y: number }>> },
  ): Promise<number>;
  loadNodes(ids: string[]): Promise<void>;
  /**
   * Replaces the view with a whole picture: its entities at their positions (a layout places those without
   * one), hidden nodes, selection, filters, sizing and colouring, camera. With a `label` it is one undoable
   * step (a saved view, a presenter's step); without, it is the first view of the page. `subgraph` is the
   * picture's content when it is already fetched (the overview).
   */
  openView(picture: ViewPicture, options?: { label?: string; subgraph?: Subgraph }): Promise<OpenedView>;
  /** Shows a curation (or its undo) made here or by another member: not an undoable step of this view. */
  reflectCuration(summary: CurationSummary): Promise<void>;
  /** The workshop's hypotheses between nodes in view are drawn, and no other. */
  syncHypotheses(edges: readonly GraphEdge[]): void;
  /**
   * Shows what an import or a removal changed (documents/documents-refresh.ts plans it): new entities
   * appear next to their anchors without a layout, and the camera, positions, selection, hidden nodes
   * and filters stay. Not an undoable step: it follows the stored documents. Answers how many joined.
   */
  reflectDocuments(patch: DocumentsPatch): number;
  /** Asks for the shortest paths between the ends in `paths` and adds them to the view as one undoable step. */
  findPaths(): Promise<void>;
  openReader(target: ReaderTarget): void;
  closeReader(): void;
  visibleNodeIds(): string[];
  /** What the filters leave out, and what the date range did (filters/filtered-view.ts); cached until a change. */
  filtered(): FilteredView;
  selectionNodeIds(): string[];
  fail(error: unknown): void;
}

export function createApp(
  container: HTMLElement,
  options: { notify: Notify; askExpandChoice: AskExpandChoice },
): DossierApp {
  const api = createApiClient('', undefined, () => sessionStorage.getItem(TOKEN_STORAGE_KEY));
  const graph = createViewGraph();
  const view = createStore<ViewState>(INITIAL_VIEW);
  const filters = createStore<FilterState>(EMPTY_FILTERS);
  const history = createStore<HistoryState<ViewSnapshot>>(emptyHistory());
  const ui = createStore<UiState>({
    status: 'loading',
    message: 'Loading the graph…',
    busy: null,
    reader: null,
    layoutRunning: false,
    consoleOpen: false,
    documentsVersion: 0,
    contextMenu: null,
  });
  const paths = createStore<PathState>(INITIAL_PATHS);
  const appearance = createStore<AppearanceState>(INITIAL_APPEARANCE);
  const metrics = createStore<MetricsState>(INITIAL_METRICS);
  const layoutSettings = createStore<LayoutSettings>(DEFAULT_LAYOUT_SETTINGS);
  const filterContext: FilterContext = { documentEntities: null };

  const graphView = createGraphView(container, graph, {
    onClickNode: (id, additive) => (additive ? app.toggleSelected(id) : app.select({ kind: 'node', id })),
    onBoxSelect: (ids) => app.selectNodes(ids, true),
    onRightClickNode: (id, at) => ui.update((s) => ({ ...s, contextMenu: { node: id, ...at } })),
    onRightClickStage: (at) => ui.update((s) => ({ ...s, contextMenu: { node: null, ...at } })),
    onDoubleClickNode: (id) => void app.expand(id),
    onClickEdge: (id) => app.select({ kind: 'edge', id }),
    onClickStage: () => app.select(null),
    onHover: (id) => view.update((s) => (s.hovered === id ? s : { ...s, hovered: id })),
    onHoverEdge: (id) => view.update((s) => (s.hoveredEdge === id ? s : { ...s, hoveredEdge: id })),
    onDragEnd: () => undefined,
    onCameraChange: () => undefined,
  });
  const layout = createLayoutRunner(
    graph,
    (running) => ui.update((s) => ({ ...s, layoutRunning: running })),
    () => layoutSettings.get(),
  );

  // What the reducer context derives from the stores, computed again only when its own input changes (the
  // stores' producers keep what they do not change): a hover changes `hovered` and nothing else, so it must
  // not size, colour or highlight every node again.
  const derivedSizes = remember((values: Record<string, number> | undefined) => (values ? metricSizes(values) : null));
  const derivedColours = remember((communities: Record<string, number> | undefined) =>
    communities ? communityColours(communities) : null,
  );
  const derivedHighlight = remember(pathHighlight);
  const setOf = () => remember((ids: readonly string[]) => new Set(ids));
  const [selectedSet, hiddenSet, hiddenRelationSet] = [setOf(), setOf(), setOf()];

  // Reducer context: recomputed when the view, the filters or the graph change (once per frame).
  let contextScheduled = false;
  function scheduleContext(): void {
    if (contextScheduled) return;
    contextScheduled = true;
    requestAnimationFrame(() => {
      contextScheduled = false;
      updateContext();
    });
  }
  function updateContext(): void {
    const v = view.get();
    const f = filters.get();
    const highlight = derivedHighlight(paths.get());
    const look = appearance.get();
    const result = metrics.get().result;
    const filteredOutNodes = app.filtered().out;
    graphView.setContext({
      hovered: v.hovered,
      hoverNeighbours: v.hovered ? neighbourSet(graph, v.hovered) : new Set(),
      hoveredEdge: v.hoveredEdge,
      selectedNode: v.selection?.kind === 'node' ? v.selection.id : null,
      selectedNodes: selectedSet(v.selectedNodes),
      selectedEdge: v.selection?.kind === 'edge' ? v.selection.id : null,
      hidden: hiddenSet(v.hidden),
      filteredOutNodes,
      hiddenRelationTypes: hiddenRelationSet(f.hiddenRelationTypes),
      pathNodes: highlight.nodes,
      pathEdges: highlight.edges,
      sizes: derivedSizes(result && look.sizeBy !== 'degree' ? result.values[look.sizeBy] : undefined),
      colours: derivedColours(result && look.colourBy === 'community' ? result.communities : undefined),
    });
  }
  paths.subscribe(() => scheduleContext());
  metrics.subscribe(() => scheduleContext());

  // Metrics follow the visible graph while the appearance needs them (metrics/metrics-sync.ts).
  const metricsSync = syncMetrics({
    graph,
    view,
    filters,
    appearance,
    metrics,
    visibleNodeIds: () => app.visibleNodeIds(),
  });
  appearance.subscribe(() => scheduleContext());
  view.subscribe((state, previous) => {
    // Hover must feel instant; everything else can wait for the next frame.
    if (state.hovered !== previous.hovered || state.hoveredEdge !== previous.hoveredEdge) updateContext();
    else scheduleContext();
  });
  // What the filters leave out is computed once per change of the filters or of the graph's data.
  let filteredCache: FilteredView | null = null;
  filters.subscribe((state, previous) => {
    filteredCache = null;
    if (state.documents.join() !== previous.documents.join()) void loadDocumentEntities(state.documents);
    scheduleContext();
  });
  for (const event of ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared'] as const) {
    graph.on(event, () => {
      filteredCache = null;
      scheduleContext();
    });
  }
  graph.on('nodeAttributesUpdated', (payload) => {
    // positions change every layout frame; only a change of the data (a fresher answer) can change the filters
    if (payload.type === 'set' && payload.name !== 'data') return;
    if (payload.type === 'merge' && !('data' in payload.data)) return;
    filteredCache = null;
  });

  async function loadDocumentEntities(documentIds: string[]): Promise<void> {
    if (documentIds.length === 0) {
      filterContext.documentEntities = null;
      filteredCache = null;
      scheduleContext();
      return;
    }
    try {
      const docs = await Promise.all(documentIds.map((id) => api.document(id)));
      filterContext.documentEntities = new Set(docs.flatMap((doc) => doc.mentions.map((m) => m.entityId)));
      filteredCache = null;
      filters.update((f) => ({ ...f })); // every count follows the entities just learnt
      scheduleContext();
    } catch (error) {
      options.notify(plainMessage(error), 'error');
    }
  }

  function currentLook(): ViewLook {
    const { x, y, ratio, angle } = graphView.sigma.getCamera().getState();
    const { selection, selectedNodes } = view.get();
    return {
      selection,
      selectedNodes,
      filters: filters.get(),
      appearance: appearance.get(),
      camera: { x, y, ratio, angle },
    };
  }
  function snapshot(withLook = false): ViewSnapshot {
    const settled = settleAfter();
    if (settled?.withLook === withLook) return settled.snapshot; // the view of now, just taken
    const taken: ViewSnapshot = { graph: snapshotGraph(graph), hidden: view.get().hidden };
    return withLook ? { ...taken, look: currentLook() } : taken;
  }
  /** Whether the view is still as `before` shows it: same look, nodes and edges, positions and pins. */
  function unchangedSince(before: ViewSnapshot, withLook: boolean): boolean {
    if (JSON.stringify(before.look ?? null) !== JSON.stringify(withLook ? currentLook() : null)) return false;
    if (before.graph.nodes.length !== graph.order || (before.graph.edges?.length ?? 0) !== graph.size) return false;
    if (before.hidden.join() !== view.get().hidden.join()) return false;
    let index = 0;
    let same = true;
    graph.forEachNode((key, attributes) => {
      const n = before.graph.nodes[index++];
      if (
        same &&
        (n.key !== key ||
          n.attributes?.x !== attributes.x ||
          n.attributes?.y !== attributes.y ||
          !!n.attributes?.fixed !== !!attributes.fixed)
      )
        same = false;
    });
    return same;
  }
  // The "after" of the last step is taken lazily, when something first needs it: the next step (which
  // would otherwise take the same picture as its "before"), an undo or redo, a layout run, or a change of
  // the view that is not a step (documents, curations, hypotheses). Until then the view is that "after",
  // so nothing is lost by waiting; the step itself, and the first frame after it, do not pay for a copy of
  // the whole graph. A node dragged before that moment is part of the step's "after".
  let pendingAfter: { snapshot: ViewSnapshot; withLook: boolean } | null = null;
  function settleAfter(): { snapshot: ViewSnapshot; withLook: boolean } | null {
    const pending = pendingAfter;
    if (!pending) return null;
    pendingAfter = null;
    // The entry already holds this object: it is filled in place, once, before anything reads it.
    Object.assign(pending.snapshot, { graph: snapshotGraph(graph), hidden: view.get().hidden });
    if (pending.withLook) pending.snapshot.look = currentLook();
    return pending;
  }
  function restore(s: ViewSnapshot): void {
    graphView.batch(() => restoreGraph(graph, s.graph));
    if (s.look) {
      const look = s.look;
      view.update(restoreSelection(look.selection, look.selectedNodes));
      filters.update(() => look.filters);
      appearance.update(() => look.appearance);
      graphView.sigma.refresh();
      graphView.sigma.getCamera().setState(look.camera);
    }
    // Paths whose nodes an undo took away are no longer in view: their emphasis and hop list go too.
    const shown = paths.get().result;
    if (shown && (shown.nodes.some((n) => !graph.hasNode(n.id)) || shown.edges.some((e) => !graph.hasEdge(e.id))))
      paths.update(clearPaths());
    view.update(setHidden(s.hidden));
    view.update(
      forgetMissing(
        (id) => graph.hasNode(id),
        (id) => graph.hasEdge(id),
      ),
    );
  }
  /** Runs an action and records it for undo, unless it changed nothing. */
  async function undoable(
    label: string,
    action: () => Promise<void> | void,
    options: { look?: boolean } = {},
  ): Promise<void> {
    const withLook = options.look ?? false;
    const before = snapshot(withLook);
    await action();
    if (unchangedSince(before, withLook)) return;
    settleAfter(); // a step that ran alongside this one recorded its own "after": it is the view of now
    const after: ViewSnapshot = { graph: { ...snapshotGraph(createViewGraph()) }, hidden: [] };
    pendingAfter = { snapshot: after, withLook };
    history.update(record({ label, before, after }));
  }

  async function busy<T>(label: string, task: () => Promise<T>): Promise<T | undefined> {
    ui.update((s) => ({ ...s, busy: label }));
    try {
      return await task();
    } catch (error) {
      options.notify(plainMessage(error), 'error');
      return undefined;
    } finally {
      ui.update((s) => ({ ...s, busy: null }));
    }
  }

  function nodeName(id: string): string {
    return graph.hasNode(id) ? graph.getNodeAttribute(id, 'data').name : id;
  }

  /** Adds a node known only by its details, with its relations to nodes already loaded. */
  function mergeDetails(details: NodeDetails): void {
    const edges: GraphEdge[] = details.relations
      .filter((r) => graph.hasNode(r.other.id))
      .map((r) => ({
        id: r.id,
        type: r.type,
        source: r.direction === 'out' ? details.node.id : r.other.id,
        target: r.direction === 'out' ? r.other.id : details.node.id,
        evidenceCount: r.evidenceCount,
        attributes: {},
      }));
    mergeSubgraph(graph, { nodes: [details.node], edges });
  }

  /** Those entities and their facts with each other, and which of them the database no longer has. */
  async function fetchNodes(ids: string[]): Promise<{ subgraph: Subgraph; missing: string[] }> {
    let subgraph: Subgraph = { nodes: [], edges: [] };
    try {
      subgraph = await api.subgraph(ids);
    } catch {
      // Fall back to one request per node.
    }
    const nodes = [...subgraph.nodes];
    const edges = [...subgraph.edges];
    const found = new Set(nodes.map((n) => n.id));
    const rest = ids.filter((id) => !found.has(id));
    for (let i = 0; i < rest.length; i += 8) {
      const batch = await Promise.allSettled(rest.slice(i, i + 8).map((id) => api.node(id)));
      for (const result of batch) {
        if (result.status !== 'fulfilled') continue;
        const details = result.value;
        nodes.push(details.node);
        found.add(details.node.id);
        for (const r of details.relations)
          edges.push({
            id: r.id,
            type: r.type,
            source: r.direction === 'out' ? details.node.id : r.other.id,
            target: r.direction === 'out' ? r.other.id : details.node.id,
            evidenceCount: r.evidenceCount,
            attributes: {},
          });
      }
    }
    return { subgraph: { nodes, edges }, missing: ids.filter((id) => !found.has(id)) };
  }

  /** The one way the view is replaced by other nodes: these, at these positions; answers how many have none. */
  function replaceGraph(subgraph: Subgraph, positions: Readonly<Record<string, { x: number; y: number }>>): number {
    view.update(setHidden([]));
    const added = graphView.batch(() => {
      graph.clear();
      return mergeSubgraph(graph, subgraph, { positions }).addedNodes;
    });
    return added.filter((id) => !positions[id]).length;
  }

  const onlyLoaded = () =>
    forgetMissing(
      (n) => graph.hasNode(n),
      (e) => graph.hasEdge(e),
    );

  const app: DossierApp = {
    api,
    graph,
    view,
    filters,
    history,
    ui,
    paths,
    appearance,
    metrics,
    layoutSettings,
    graphView,
    layout,
    notify: options.notify,
    askExpandChoice: options.askExpandChoice,

    select(selection) {
      view.update(select(selection));
    },

    toggleSelected(id) {
      if (graph.hasNode(id))
        void undoable(`Select or unselect ${nodeName(id)}`, () => view.update(toggleSelected(id)), { look: true });
    },

    selectNodes(ids, add = false) {
      const loaded = ids.filter((id) => graph.hasNode(id));
      // Undoable with the look (the selection is part of it): a lasso or box that missed is taken back with Ctrl+Z.
      void undoable(
        `Select ${loaded.length === 1 ? nodeName(loaded[0]) : `${loaded.length} nodes`}`,
        () => view.update(selectNodes(loaded, add)),
        { look: true },
      );
    },

    invertSelection() {
      void undoable('Invert the selection', () => view.update(invertSelection(app.visibleNodeIds())), { look: true });
    },

    selectedNodeIds() {
      const visible = new Set(app.visibleNodeIds());
      const v = view.get();
      const ids = new Set(v.selectedNodes);
      if (v.selection?.kind === 'node') ids.add(v.selection.id);
      return [...ids].filter((id) => visible.has(id)).sort();
    },

    keepOnly(ids) {
      const keep = new Set(ids);
      const others = graph.filterNodes((id) => !keep.has(id));
      if (!keep.size || !others.length) return;
      void undoable(`Keep only ${ids.length === 1 ? nodeName(ids[0]) : `${ids.length} nodes`}`, () => {
        removeNodes(graph, others);
        view.update(
          forgetMissing(
            (n) => graph.hasNode(n),
            (e) => graph.hasEdge(e),
          ),
        );
      });
    },

    pin(ids, pinned) {
      const changing = ids.filter((id) => graph.hasNode(id) && !!graph.getNodeAttribute(id, 'fixed') !== pinned);
      if (!changing.length) return;
      const what = changing.length === 1 ? nodeName(changing[0]) : `${changing.length} nodes`;
      void undoable(`${pinned ? 'Pin' : 'Unpin'} ${what}`, () => {
        for (const id of changing) graph.setNodeAttribute(id, 'fixed', pinned);
      });
    },

    async expandMany(ids) {
      const loaded = ids.filter((id) => graph.hasNode(id));
      if (loaded.length <= 1) return loaded.length ? app.expand(loaded[0]) : undefined;
      await busy(`Expanding ${loaded.length} nodes…`, async () => {
        const responses = await Promise.all(
          loaded.map((id) => api.neighbors(id, neighborQuery({ limit: EXPAND_THRESHOLD }))),
        );
        let added = 0;
        await undoable(`Expand ${loaded.length} nodes`, async () => {
          responses.forEach((response, i) => {
            added += mergeSubgraph(graph, response, { anchor: loaded[i] }).addedNodes.length;
          });
          if (added > 0) await layout.settle({ iterations: 150 });
        });
        options.notify(
          added
            ? `Added ${added} neighbour${added === 1 ? '' : 's'} of ${loaded.length} nodes.`
            : 'Every neighbour is already shown.',
        );
      });
    },

    async focusNode(id) {
      if (!graph.hasNode(id)) {
        await busy(`Loading ${id}…`, () =>
          undoable(`Load ${id}`, async () => {
            const details = await api.node(id);
            mergeDetails(details);
            await layout.settle({ iterations: 60 });
          }),
        );
      }
      if (!graph.hasNode(id)) return;
      if (view.get().hidden.includes(id)) view.update(setHidden(view.get().hidden.filter((h) => h !== id)));
      if (filters.get().hiddenNodeTypes.includes(graph.getNodeAttribute(id, 'data').type)) {
        options.notify(
          `${nodeName(id)} is a ${graph.getNodeAttribute(id, 'data').type}, a type the filters hide.`,
          'info',
        );
      }
      view.update(select({ kind: 'node', id }));
      graphView.focus(id);
    },

    async expand(id) {
      if (!graph.hasNode(id)) return;
      const name = nodeName(id);
      await busy(`Expanding ${name}…`, async () => {
        let response = await api.neighbors(id, neighborQuery({ limit: EXPAND_THRESHOLD }));
        if (needsChoice(response)) {
          const choice = await options.askExpandChoice(name, response.total, response.countsByType);
          if (!choice) return;
          response = await api.neighbors(id, neighborQuery(choice));
        }
        let added = 0;
        await undoable(`Expand ${name}`, async () => {
          added = mergeSubgraph(graph, response, { anchor: id }).addedNodes.length;
          if (added > 0) await layout.settle({ iterations: 150 });
        });
        options.notify(
          added
            ? `Added ${added} neighbour${added === 1 ? '' : 's'} of ${name}.`
            : `Every neighbour of ${name} is already shown.`,
        );
      });
    },

    hide(ids) {
      if (!ids.length) return;
      void undoable(`Hide ${ids.length === 1 ? nodeName(ids[0]) : `${ids.length} nodes`}`, () => {
        view.update(hideNodes(ids));
      });
    },

    showHidden() {
      void undoable('Show hidden nodes', () => view.update(showAll()));
    },

    remove(ids) {
      if (!ids.length) return;
      void undoable(`Remove ${ids.length === 1 ? nodeName(ids[0]) : `${ids.length} nodes`}`, () => {
        removeNodes(graph, ids);
        view.update(
          forgetMissing(
            (n) => graph.hasNode(n),
            (e) => graph.hasEdge(e),
          ),
        );
      });
    },

    collapse(id) {
      const leaves = leavesOf(graph, id);
      if (!leaves.length) {
        options.notify(`${nodeName(id)} has no neighbours that hang on it alone.`);
        return;
      }
      void undoable(`Collapse ${nodeName(id)}`, () => {
        removeNodes(graph, leaves);
        view.update(
          forgetMissing(
            (n) => graph.hasNode(n),
            (e) => graph.hasEdge(e),
          ),
        );
      });
    },

    async settleLayout(label = 'Layout') {
      await undoable(label, () => layout.settle({ iterations: 300 }));
    },

    async shapeLayout(shape) {
      if (graph.order === 0) return;
      let groupOf: ((id: string) => string) | undefined;
      if (shape === 'circlepack-type') groupOf = (id) => graph.getNodeAttribute(id, 'data').type;
      if (shape === 'circlepack-community') {
        if (!metrics.get().result) await metricsSync.compute();
        const communities = metrics.get().result?.communities ?? {};
        groupOf = (id) => String(communities[id] ?? -1);
      }
      const label =
        shape === 'circular'
          ? 'Circular layout'
          : `Circle pack by ${shape === 'circlepack-type' ? 'type' : 'community'}`;
      await undoable(label, () => layout.shape(shape === 'circular' ? 'circular' : 'circlepack', groupOf));
      await graphView.fit();
    },

    async toggleLayout() {
      if (layout.isRunning()) {
        const before = layoutStart;
        await layout.stopContinuous();
        if (before) history.update(record({ label: 'Layout', before, after: snapshot() }));
        layoutStart = null;
      } else {
        layoutStart = snapshot();
        layout.startContinuous();
      }
    },

    undo() {
      settleAfter();
      const result = undo(history.get());
      if (!result) return;
      restore(result.entry.before);
      history.update(() => result.state);
      options.notify(`Undid: ${result.entry.label}`);
    },

    redo() {
      settleAfter();
      const result = redo(history.get());
      if (!result) return;
      restore(result.entry.after);
      history.update(() => result.state);
      options.notify(`Redid: ${result.entry.label}`);
    },

    async applySubgraph(subgraph, mode, label, options = {}) {
      let added = 0;
      await undoable(label, async () => {
        const positions = options.positions ?? {};
        let unplaced = 0;
        if (mode === 'replace') {
          unplaced = replaceGraph(subgraph, positions);
          added = graph.order;
        } else {
          const addedNodes = mergeSubgraph(graph, subgraph).addedNodes;
          added = addedNodes.length;
          for (const id of addedNodes) {
            const position = positions[id];
            if (position) graph.mergeNodeAttributes(id, { x: position.x, y: position.y });
            else unplaced++;
          }
        }
        view.update(onlyLoaded());
        if (unplaced > 0) await layout.settle({ iterations: mode === 'replace' ? 300 : 150 });
      });
      if (mode === 'replace') void graphView.fit();
      return added;
    },

    async loadNodes(ids) {
      if (!ids.some((id) => !graph.hasNode(id))) return;
      mergeSubgraph(graph, (await fetchNodes(ids)).subgraph);
    },

    async openView(picture, options = {}) {
      const fetched = options.subgraph
        ? { subgraph: options.subgraph, missing: [] }
        : await fetchNodes(picture.nodeIds);
      const show = async () => {
        const unplaced = replaceGraph(fetched.subgraph, picture.positions);
        // A first view is laid out at once; a view opened later moves into place.
        if (unplaced > 0) await layout.settle({ iterations: 300, instant: !options.label });
        view.update(setHidden(picture.hidden.filter((id) => graph.hasNode(id))));
        view.update(restoreSelection(picture.selection, picture.selectedNodes));
        view.update(onlyLoaded());
        filters.update(() => picture.filters);
        appearance.update(() => picture.appearance);
        // Sigma normalises positions at its next frame: draw now, so the camera means the same picture.
        graphView.sigma.refresh();
        if (picture.camera) graphView.sigma.getCamera().setState(picture.camera);
        else await graphView.fit({ duration: 0 });
      };
      if (options.label) await undoable(options.label, show, { look: true });
      else await show();
      return { missing: fetched.missing };
    },

    async reflectCuration(summary) {
      const patch = await planCurationRefresh(graph, api, summary);
      if (!patch) return;
      settleAfter(); // not a step: the last step's "after" is the view before it
      const selection = view.get().selection;
      for (const id of patch.dropNodes) if (graph.hasNode(id)) graph.dropNode(id);
      for (const id of patch.dropEdges) if (graph.hasEdge(id)) graph.dropEdge(id);
      mergeSubgraph(graph, patch.merge, { anchor: patch.anchor });
      if (selection?.kind === 'node' && !graph.hasNode(selection.id) && patch.survivor && graph.hasNode(patch.survivor))
        view.update(select({ kind: 'node', id: patch.survivor }));
      refreshRendering(graph);
      view.update(onlyLoaded());
      graphView.sigma.refresh();
    },

    syncHypotheses(edges) {
      settleAfter();
      syncHypothesisEdges(graph, edges);
    },

    reflectDocuments(patch) {
      settleAfter();
      removeNodes(graph, patch.dropNodes);
      for (const id of patch.dropEdges) if (graph.hasEdge(id)) graph.dropEdge(id);
      mergeSubgraph(graph, { nodes: patch.merge.nodes, edges: [] });
      // One at a time, in order: where a node lands depends on its anchor and on how many are in view.
      let added = 0;
      for (const { node, anchor } of patch.place)
        added += mergeSubgraph(graph, { nodes: [node], edges: [] }, { anchor }).addedNodes.length;
      mergeSubgraph(graph, { nodes: [], edges: patch.merge.edges });
      view.update(onlyLoaded());
      graphView.sigma.refresh();
      return added;
    },

    async findPaths() {
      const { from, to, options: o } = paths.get();
      if (!from || !to) return paths.update(pathsFailed('Choose where the path starts and where it ends.'));
      if (from.id === to.id) return paths.update(pathsFailed('Choose two different entities.'));
      paths.update(pathsLoading());
      try {
        const result = await api.paths(from.id, to.id, {
          maxHops: o.maxHops,
          relTypes: o.relTypes,
          throughDocuments: o.throughDocuments,
        });
        if (!result.paths.length) {
          paths.update(pathsAnswered(result, noPathMessage(from.name, to.name, o)));
          return;
        }
        await app.applySubgraph(result, 'add', `Paths from ${from.name} to ${to.name}`);
        paths.update(pathsAnswered(result, null));
        // the panel now covers part of the canvas: frame the view again so that every hop is in sight
        await graphView.fit();
      } catch (error) {
        paths.update(pathsFailed(plainMessage(error)));
      }
    },

    openReader(target) {
      ui.update((s) => ({ ...s, reader: target }));
    },

    closeReader() {
      ui.update((s) => ({ ...s, reader: null }));
    },

    visibleNodeIds() {
      const hidden = new Set(view.get().hidden);
      const out = app.filtered().out;
      return graph.filterNodes((id) => !hidden.has(id) && !out.has(id)).sort();
    },

    filtered() {
      filteredCache ??= filterView(graph, filters.get(), filterContext);
      return filteredCache;
    },

    selectionNodeIds() {
      const selection = view.get().selection;
      if (!selection) return [];
      const visible = new Set(app.visibleNodeIds());
      if (selection.kind === 'edge') {
        return graph.hasEdge(selection.id) ? [...graph.extremities(selection.id)].sort() : [];
      }
      if (!graph.hasNode(selection.id)) return [];
      const f = filters.get();
      const neighbours = graph
        .edges(selection.id)
        .filter((e) => edgePassesFilters(graph.getEdgeAttribute(e, 'data'), f))
        .map((e) => graph.opposite(selection.id, e))
        .filter((n) => visible.has(n));
      return [...new Set([selection.id, ...neighbours])].sort();
    },

    fail(error) {
      ui.update((s) => ({ ...s, status: 'error', message: plainMessage(error) }));
    },
  };
  let layoutStart: ViewSnapshot | null = null;
  return app;
}

/** `compute` again only when an argument is not the one of the last call (by identity). */
function remember<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; value: R } | null = null;
  return (...args) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => a === args[i])) return last.value;
    last = { args, value: compute(...args) };
    return last.value;
  };
}

export { canRedo, canUndo };
