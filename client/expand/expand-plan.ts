/**
 * Expanding a node: below the threshold every neighbour is added; above it the user chooses which types
 * and how many (top N by degree). Pure: builds the choice and the request, the UI asks the question.
 */
import type { NeighborsResponse } from '../../graph/model/api-types';

export const EXPAND_THRESHOLD = 25;

export interface ExpandChoice {
  types: string[]; // empty = every type
  relTypes: string[]; // empty = every relation type
  limit: number;
}

/** Whether the first answer (asked with limit = threshold) is the whole neighbourhood. */
export function needsChoice(response: Pick<NeighborsResponse, 'truncated' | 'total' | 'returned'>): boolean {
  return response.truncated || response.total > response.returned;
}

/** What the prompt offers first: every type ticked, top N = the threshold. */
export function defaultChoice(countsByType: Record<string, number>, threshold = EXPAND_THRESHOLD): ExpandChoice {
  return { types: Object.keys(countsByType).sort(), relTypes: [], limit: threshold };
}

/** How many neighbours the choice would bring (before the limit), for the prompt's live count. */
export function choiceCount(countsByType: Record<string, number>, choice: ExpandChoice): number {
  const types = choice.types.length ? choice.types : Object.keys(countsByType);
  const available = types.reduce((sum, type) => sum + (countsByType[type] ?? 0), 0);
  return Math.min(available, choice.limit);
}

/** The query string for GET /api/nodes/:id/neighbors. */
export function neighborQuery(choice: Partial<ExpandChoice>): string {
  const params = new URLSearchParams();
  if (choice.types?.length) params.set('types', choice.types.join(','));
  if (choice.relTypes?.length) params.set('relTypes', choice.relTypes.join(','));
  if (choice.limit !== undefined) params.set('limit', String(Math.max(1, Math.floor(choice.limit))));
  const text = params.toString();
  return text ? `?${text}` : '';
}
