/**
 * What the user is looking at, apart from the graph itself: the selection, the hovered node, the nodes
 * hidden by hand. Changed by pure producers.
 */
export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | null;

export interface ViewState {
  selection: Selection;
  hovered: string | null;
  hoveredEdge: string | null;
  hidden: string[]; // node ids hidden by hand (still loaded, drawn hidden through the reducer)
}

export const INITIAL_VIEW: ViewState = { selection: null, hovered: null, hoveredEdge: null, hidden: [] };

export const select =
  (selection: Selection) =>
  (state: ViewState): ViewState =>
    sameSelection(state.selection, selection) ? state : { ...state, selection };

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
    return { ...state, hidden, selection: selectionHidden ? null : state.selection };
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
    if (
      hidden.length === state.hidden.length &&
      selection === state.selection &&
      hovered === state.hovered &&
      hoveredEdge === state.hoveredEdge
    )
      return state;
    return { ...state, hidden, selection, hovered, hoveredEdge };
  };

function sameSelection(a: Selection, b: Selection): boolean {
  return a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id);
}
