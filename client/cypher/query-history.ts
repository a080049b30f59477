/**
 * The console's query history: most recent first, no duplicates, bounded. Pure; the console keeps it in
 * localStorage.
 */
export const QUERY_HISTORY_LIMIT = 30;

export const rememberQuery =
  (query: string, limit = QUERY_HISTORY_LIMIT) =>
  (history: string[]): string[] => {
    const trimmed = query.trim();
    if (!trimmed) return history;
    return [trimmed, ...history.filter((q) => q !== trimmed)].slice(0, limit);
  };

export function parseStoredHistory(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value)
      ? value.filter((q): q is string => typeof q === 'string').slice(0, QUERY_HISTORY_LIMIT)
      : [];
  } catch {
    return [];
  }
}

/** A cell of a result table as text: nodes and relationships by their name or type, the rest as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    const props = (v.properties ?? v.attributes) as Record<string, unknown> | undefined;
    if (typeof v.name === 'string') return v.name;
    if (props && typeof props.name === 'string') return props.name;
    if (props && typeof props.title === 'string') return props.title;
  }
  return JSON.stringify(value);
}
