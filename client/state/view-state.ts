/**
 * What the user is looking at, apart from the graph itself: the selection, the hovered node, the nodes
 * hidden by hand. Changed by pure producers.
 */
export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | null;

export interface ViewState {
  /** The node or edge the details panel shows. */
  selection: Selection;
  /** Every selected node (shift-click, box, by type, invert): what the selection actions act on. */
  selectedNodes: string[];
  hovered: string | null;
  hoveredEdge: string | null;
  hidden: string[]; // node ids hidden by hand (still loaded, drawn hidden through the reducer)
}

export const INITIAL_VIEW: ViewState = {
  selection: null,
  selectedNodes: [],
  hovered: null,
  hoveredEdge: null,
  hidden: [],
};

/** Selects one node or edge (or nothing): the selected nodes become that node alone. */
export const select =
  (selection: Selection) =>
  (state: ViewState): ViewState => {
    const selectedNodes = selection?.kind === 'node' ? [selection.id] : [];
    if (sameSelection(state.selection, selection) && state.selectedNodes.join() === selectedNodes.join()) return state;
    return { ...state, selection, selectedNodes };
  };

/** Shift-click: adds a node to the selected nodes, or takes it out; the details follow the last one added. */
export const toggleSelected =
  (id: string) =>
  (state: ViewState): ViewState => {
    const had = state.selectedNodes.includes(id);
    const selectedNodes = had ? state.selectedNodes.filter((n) => n !== id) : [...state.selectedNodes, id];
    const last = selectedNodes[selectedNodes.length - 1];
    const selection: Selection = had
      ? state.selection?.kind === 'node' && state.selection.id === id
        ? last
          ? { kind: 'node', id: last }
          : null
        : state.selection
      : { kind: 'node', id };
    return { ...state, selectedNodes, selection };
  };

/**
 * Selects these nodes (a box, a type, the inverse); `add` keeps the ones selected already. With one
 * node the details show it; with several they show the last one the user picked if it stays selected.
 */
export const selectNodes =
  (ids: readonly string[], add = false) =>
  (state: ViewState): ViewState => {
    const selectedNodes = [...new Set(add ? [...state.selectedNodes, ...ids] : ids)];
    const keep = state.selection?.kind === 'node' && selectedNodes.includes(state.selection.id);
    const selection: Selection =
      selectedNodes.length === 1 ? { kind: 'node', id: selectedNodes[0] } : keep ? state.selection : null;
    return { ...state, selectedNodes, selection };
  };

/** Every node of `all` not selected now becomes selected, and the others not. */
/** Puts back a selection as it was (a saved view's, or the one before an undone step). */
export const restoreSelection =
  (selection: Selection, selectedNodes: readonly string[]) =>
  (state: ViewState): ViewState =>
    sameSelection(state.selection, selection) && state.selectedNodes.join() === selectedNodes.join()
      ? state
      : { ...state, selection, selectedNodes: [...selectedNodes] };

export const invertSelection =
  (all: readonly string[]) =>
  (state: ViewState): ViewState => {
    const selected = new Set(state.selectedNodes);
    return selectNodes(all.filter((id) => !selected.has(id)))(state);
  };

export const hover =
  (node: string | null) =>
  (state: ViewState): ViewState =>
    state.hovered === node ? state : { ...state, hovered: node };

export const hoverEdge =
  (edge: string | null) =>
  (state: ViewState): ViewState =>
    state.hoveredEdge === edge ? state : { ...state, hoveredEdge: edge };

export const hideNodes =
  (ids: string[]) =>
  (state: ViewState): ViewState => {
    const hidden = [...new Set([...state.hidden, ...ids])].sort();
    const selectionHidden = state.selection?.kind === 'node' && ids.includes(state.selection.id);
    const selectedNodes = state.selectedNodes.filter((id) => !ids.includes(id));
    return { ...state, hidden, selection: selectionHidden ? null : state.selection, selectedNodes };
  };

export const setHidden =
  (ids: string[]) =>
  (state: ViewState): ViewState => ({ ...state, hidden: [...new Set(ids)].sort() });

export const showAll =
  () =>
  (state: ViewState): ViewState =>
    state.hidden.length ? { ...state, hidden: [] } : state;

/** Drops references to nodes that are no longer loaded (after a remove, an undo, a replace). */
export const forgetMissing =
  (exists: (id: string) => boolean, edgeExists: (id: string) => boolean) =>
  (state: ViewState): ViewState => {
    const hidden = state.hidden.filter(exists);
    const selection =
      state.selection === null
        ? null
        : state.selection.kind === 'node'
          ? exists(state.selection.id)
            ? state.selection
            : null
          : edgeExists(state.selection.id)
            ? state.selection
            : null;
    const hovered = state.hovered && exists(state.hovered) ? state.hovered : null;
    const hoveredEdge = state.hoveredEdge && edgeExists(state.hoveredEdge) ? state.hoveredEdge : null;
    const selectedNodes = state.selectedNodes.filter(exists);
    if (
      selectedNodes.length === state.selectedNodes.length &&
      hidden.length === state.hidden.length &&
      selection === state.selection &&
      hovered === state.hovered &&
      hoveredEdge === state.hoveredEdge
    )
      return state;
    return { ...state, hidden, selection, hovered, hoveredEdge, selectedNodes };
  };

function sameSelection(a: Selection, b: Selection): boolean {
  return a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id);
}
