/**
 * Shareable links to a saved view: `?workshop=<id>&view=<viewId>`. The link names the workshop and the
 * view only; opening it still needs a token of that workshop (joining with a code gives one). Pure.
 */
export interface ShareTarget {
  workshopId: string;
  viewId: string | null;
}

export function viewLink(base: string, workshopId: string, viewId: string): string {
  const url = new URL(base);
  url.hash = '';
  url.search = new URLSearchParams({ workshop: workshopId, view: viewId }).toString();
  return url.toString();
}

/** The workshop and view a page address names, or null when it names no workshop. */
export function readShareLink(search: string): ShareTarget | null {
  const params = new URLSearchParams(search);
  const workshopId = params.get('workshop')?.trim();
  if (!workshopId) return null;
  return { workshopId, viewId: params.get('view')?.trim() || null };
}
