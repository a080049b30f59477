/**
 * Undo / redo for what changes the view: expand, hide, remove, collapse, layout, query results.
 * Each entry keeps the view before and after the action, so undo and redo are plain restores. Pure.
 */
export interface HistoryEntry<S> {
  label: string; // "Expand Sergei Shoigu", shown in the buttons' tooltips
  before: S;
  after: S;
}

export interface HistoryState<S> {
  past: HistoryEntry<S>[];
  future: HistoryEntry<S>[];
}

export const HISTORY_LIMIT = 50;

export function emptyHistory<S>(): HistoryState<S> {
  return { past: [], future: [] };
}

/** Records a done action; anything that was undone can no longer be redone. */
export const record =
  <S>(entry: HistoryEntry<S>, limit = HISTORY_LIMIT) =>
  (state: HistoryState<S>): HistoryState<S> => ({
    past: [...state.past, entry].slice(-limit),
    future: [],
  });

export function canUndo<S>(state: HistoryState<S>): boolean {
  return state.past.length > 0;
}

export function canRedo<S>(state: HistoryState<S>): boolean {
  return state.future.length > 0;
}

/** The entry to undo (restore its `before`), and the history after undoing it; null when nothing to undo. */
export function undo<S>(state: HistoryState<S>): { entry: HistoryEntry<S>; state: HistoryState<S> } | null {
  const entry = state.past[state.past.length - 1];
  if (!entry) return null;
  return { entry, state: { past: state.past.slice(0, -1), future: [entry, ...state.future] } };
}

/** The entry to redo (restore its `after`), and the history after redoing it; null when nothing to redo. */
export function redo<S>(state: HistoryState<S>): { entry: HistoryEntry<S>; state: HistoryState<S> } | null {
  const entry = state.future[0];
  if (!entry) return null;
  return { entry, state: { past: [...state.past, entry], future: state.future.slice(1) } };
}
