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
