/**
 * A saved workshop view holds the same picture as a copied link: entities and positions, camera and
 * filters in the view's own fields, and what the user made of them (hidden nodes, the selection, sizing
 * and colouring) in `styling`, tagged with its format. Reading is checked field by field, so a view saved
 * before a field existed, or with one that no longer reads, still opens with everything else, and the
 * user is told what could not be restored.
 */
import { z } from 'zod';
import type { SavedView } from '../../graph/workshop/types';
import { INITIAL_APPEARANCE, type AppearanceState } from '../appearance/appearance-state';
import { EMPTY_FILTERS, type FilterState } from '../filters/filters';
import { METRICS } from '../metrics/compute-metrics';
import type { ViewPicture } from '../state/view-picture';
import type { Selection } from '../state/view-state';
import type { ViewBody } from './workshop-api';

/** Format 1 had no `styling` (positions, camera and filters only); format 2 adds the user's picture. */
export const SAVED_VIEW_FORMAT = 2;

const ids = z.array(z.string());
const selectionSchema = z.union([
  z.null(),
  z.object({ kind: z.enum(['node', 'edge']), id: z.string().min(1) }).transform((s) => s as Selection),
]);
const appearanceSchema = z.object({ sizeBy: z.enum(METRICS), colourBy: z.enum(['type', 'community']) });
const dateRangeSchema = z.union([z.null(), z.object({ from: z.string(), to: z.string() })]);

/** Filters by field: a field this client does not know is kept as it is (a newer client may read it). */
const FILTER_FIELDS: { [K in keyof typeof EMPTY_FILTERS]: { schema: z.ZodType<FilterState[K]>; what: string } } = {
  hiddenNodeTypes: { schema: ids, what: 'the hidden node types' },
  hiddenRelationTypes: { schema: ids, what: 'the hidden relation types' },
  documents: { schema: ids, what: 'the document filter' },
  dateRange: { schema: dateRangeSchema, what: 'the date filter' },
  dateLane: { schema: z.enum(['happened', 'reported']), what: 'the timeline lane' },
};

export function viewBodyOf(picture: ViewPicture, name: string): ViewBody {
  return {
    name,
    nodeIds: picture.nodeIds,
    positions: { ...picture.positions },
    camera: picture.camera ? { angle: 0, ...picture.camera } : null,
    filters: { ...picture.filters },
    styling: {
      format: SAVED_VIEW_FORMAT,
      hidden: picture.hidden,
      selection: picture.selection,
      selectedNodes: picture.selectedNodes,
      appearance: picture.appearance,
    },
  };
}

export interface ReadView {
  picture: ViewPicture;
  /** What could not be restored, in words for the user. */
  problems: string[];
}

export function pictureOfSavedView(view: SavedView): ReadView {
  const problems: string[] = [];
  const read = <T>(schema: z.ZodType<T>, value: unknown, fallback: T, what: string): T => {
    if (value === undefined) return fallback;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push(what);
    return fallback;
  };

  const savedFilters = (view.filters ?? {}) as Record<string, unknown>;
  const filters: Record<string, unknown> = { ...EMPTY_FILTERS, ...savedFilters };
  for (const [key, field] of Object.entries(FILTER_FIELDS) as Array<
    [keyof FilterState, { schema: z.ZodType; what: string }]
  >)
    filters[key] = read(field.schema, savedFilters[key], EMPTY_FILTERS[key], field.what);

  const styling = (view.styling ?? {}) as Record<string, unknown>;
  const format = typeof styling.format === 'number' ? styling.format : 1;
  if (format > SAVED_VIEW_FORMAT) problems.push(`what a newer version saved (format ${format})`);
  const selection = read(selectionSchema, styling.selection, null, 'the selection');
  const appearance: AppearanceState = read(
    appearanceSchema,
    styling.appearance,
    INITIAL_APPEARANCE,
    'sizing and colouring',
  );

  return {
    picture: {
      nodeIds: view.nodeIds,
      positions: view.positions,
      hidden: read(ids, styling.hidden, [], 'the hidden nodes'),
      selection,
      selectedNodes: read(
        ids,
        styling.selectedNodes,
        selection?.kind === 'node' ? [selection.id] : [],
        'the selected nodes',
      ),
      filters: filters as unknown as FilterState,
      appearance,
      camera: view.camera,
    },
    problems,
  };
}

/** The message after opening a view: what did not come back, or nothing when all did. */
export function restoreMessage(name: string, problems: readonly string[], missing: number): string | null {
  const parts = [...problems];
  if (missing) parts.push(`${missing} ${missing === 1 ? 'entity' : 'entities'} no longer in the database`);
  if (!parts.length) return null;
  return `Opened "${name}" without ${parts.join(', ')}.`;
}
