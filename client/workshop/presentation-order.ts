/** The presentation: which saved views are presented, in which order. Pure list operations. */
import type { SavedView } from '../../graph/workshop/types';

/** Moves a view one place up (-1) or down (+1); unchanged at the ends or when absent. */
export function moveInOrder(viewIds: readonly string[], viewId: string, delta: -1 | 1): string[] {
  const from = viewIds.indexOf(viewId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= viewIds.length) return [...viewIds];
  const next = [...viewIds];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/** Adds a view at the end of the presentation, or takes it out. */
export function toggleInOrder(viewIds: readonly string[], viewId: string): string[] {
  return viewIds.includes(viewId) ? viewIds.filter((id) => id !== viewId) : [...viewIds, viewId];
}

/**
 * The views to present, in order: the presentation's when one is set (views that no longer exist are
 * skipped), else every saved view oldest first, so a workshop can present before anyone orders it.
 */
export function presentedViews(viewIds: readonly string[], views: readonly SavedView[]): SavedView[] {
  const byId = new Map(views.map((v) => [v.id, v]));
  const ordered = viewIds.map((id) => byId.get(id)).filter((v): v is SavedView => v !== undefined);
  if (ordered.length) return ordered;
  return [...views].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The step to show after a key press, kept within the presentation. */
export function clampStep(step: number, count: number): number {
  return count === 0 ? 0 : Math.max(0, Math.min(count - 1, step));
}
