/**
 * What an import changed, as the "What changed" panel and the live refresh read it: pure functions over
 * the API's answer.
 */
import type { ImportChangesResponse } from '../../graph/model/api-types';

/** The entities the import brought, still in the graph: new ones and the ends of new relations. */
export function newEntityIds(changes: ImportChangesResponse): string[] {
  const ids = new Set<string>();
  for (const e of changes.newEntities) if (e.inGraph) ids.add(e.id);
  for (const r of changes.newRelations)
    if (r.inGraph) for (const end of [r.source, r.target]) if (end.inGraph) ids.add(end.id);
  return [...ids];
}

/** Every entity the import touched (new, renamed, at an end of a new or strengthened relation), still in the graph. */
export function touchedEntityIds(changes: ImportChangesResponse): string[] {
  const ids = new Set(newEntityIds(changes));
  for (const e of changes.gainedAliases) if (e.inGraph) ids.add(e.id);
  for (const r of changes.gainedEvidence)
    if (r.inGraph) for (const end of [r.source, r.target]) if (end.inGraph) ids.add(end.id);
  return [...ids];
}

export function isEmpty(changes: ImportChangesResponse): boolean {
  return (
    !changes.newEntities.length &&
    !changes.newRelations.length &&
    !changes.gainedEvidence.length &&
    !changes.gainedAliases.length
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 new entities, 2 new relations, 1 relation with more evidence, 1 entity with new names". */
export function changesSummary(changes: ImportChangesResponse): string {
  if (isEmpty(changes)) return 'nothing new in the graph';
  const parts = [
    changes.newEntities.length && plural(changes.newEntities.length, 'new entity', 'new entities'),
    changes.newRelations.length && plural(changes.newRelations.length, 'new relation', 'new relations'),
    changes.gainedEvidence.length &&
      plural(changes.gainedEvidence.length, 'relation with more evidence', 'relations with more evidence'),
    changes.gainedAliases.length &&
      plural(changes.gainedAliases.length, 'entity with new names', 'entities with new names'),
  ];
  return parts.filter(Boolean).join(', ');
}

/** What the panel's heading says the changes are of: one document's title, or how many documents. */
export function changesTitle(changes: ImportChangesResponse): string {
  if (changes.imports.length === 1) return changes.imports[0].title;
  return `${changes.imports.length} documents`;
}
