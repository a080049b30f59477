/**
 * Picks "the other entity" of a merge, a new relation or a hypothesis: a searchable field (nodes in view
 * first, then any entity found with the search API) that starts empty, so nothing is merged or linked
 * with an entity the analyst did not choose.
 */
import type { DossierApp } from '../app';
import type { ViewGraphReader } from '../graph/view-graph';
import { createEntityField } from '../ui/entity-field';

export interface EntityPicker {
  element: HTMLElement;
  value(): string | null;
  /** Empties the field for a new selection and leaves `exclude` (the selected node itself) out of the matches. */
  refresh(exclude: string | null): void;
}

export function createEntityPicker(
  app: Pick<DossierApp, 'api'> & { graph: ViewGraphReader },
  label: string,
  name: string,
): EntityPicker {
  const field = createEntityField(app, label, undefined, name);
  field.element.classList.add('entity-picker');
  let excluded: string | null | undefined;
  return {
    element: field.element,
    value: () => field.value()?.id ?? null,
    refresh(exclude) {
      if (exclude !== excluded) field.set(null);
      excluded = exclude;
      field.exclude(exclude);
    },
  };
}
