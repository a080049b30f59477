/**
 * What a curation changed, from its before/after snapshots: entities created, deleted or changed (with
 * the properties that differ) and relationships added, removed or changed, counted by type. Pure.
 */
import type { CurationDiff, EncodedMap, EncodedValue, RelationshipState, Snapshot } from './types';

function refKey(ref: RelationshipState['start']): string {
  return 'id' in ref ? `${ref.label}:${ref.id}` : `#${ref.elementId}`;
}

/** A relationship's place (type and ends, plus its id when it has one) and its full content. */
function place(rel: RelationshipState): string {
  const id = typeof rel.properties.id === 'string' ? rel.properties.id : '';
  return `${rel.type}|${refKey(rel.start)}|${refKey(rel.end)}|${id}`;
}

function content(rel: RelationshipState): string {
  return JSON.stringify(
    Object.keys(rel.properties)
      .sort()
      .map((key) => [key, rel.properties[key]]),
  );
}

function text(value: EncodedValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

function count(into: Record<string, number>, type: string): void {
  into[type] = (into[type] ?? 0) + 1;
}

function changedProperties(
  before: EncodedMap,
  after: EncodedMap,
): Record<string, { before: EncodedValue; after: EncodedValue }> {
  const changes: Record<string, { before: EncodedValue; after: EncodedValue }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key] ?? null;
    const b = after[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = { before: a, after: b };
  }
  return changes;
}

/** A diff that changed nothing: the start of every diff, and a base for hand-made ones. */
export function emptyCurationDiff(): CurationDiff {
  return {
    entitiesCreated: [],
    entitiesDeleted: [],
    entitiesChanged: [],
    relationshipsAdded: {},
    relationshipsRemoved: {},
    relationshipsChanged: {},
  };
}

export function curationDiff(before: Snapshot, after: Snapshot): CurationDiff {
  const diff = emptyCurationDiff();
  for (const id of new Set([...Object.keys(before.entities), ...Object.keys(after.entities)])) {
    const a = before.entities[id] ?? null;
    const b = after.entities[id] ?? null;
    if (!a && b) diff.entitiesCreated.push({ id, name: text(b.properties.name), type: text(b.properties.type) });
    else if (a && !b) diff.entitiesDeleted.push({ id, name: text(a.properties.name), type: text(a.properties.type) });
    else if (a && b) {
      const changes: CurationDiff['entitiesChanged'][number]['changes'] = changedProperties(a.properties, b.properties);
      if (a.labels.join() !== b.labels.join()) changes.labels = { before: a.labels, after: b.labels };
      if (Object.keys(changes).length > 0) diff.entitiesChanged.push({ id, name: text(b.properties.name), changes });
    }
  }
  const beforeRels = new Map<string, string[]>();
  for (const rel of before.relationships)
    beforeRels.set(place(rel), [...(beforeRels.get(place(rel)) ?? []), content(rel)]);
  for (const rel of after.relationships) {
    const contents = beforeRels.get(place(rel));
    if (!contents || contents.length === 0) {
      count(diff.relationshipsAdded, rel.type);
      continue;
    }
    const same = contents.indexOf(content(rel));
    if (same >= 0) contents.splice(same, 1);
    else {
      contents.shift();
      count(diff.relationshipsChanged, rel.type);
    }
  }
  for (const [key, contents] of beforeRels)
    for (let i = 0; i < contents.length; i++) count(diff.relationshipsRemoved, key.split('|')[0]);
  return diff;
}
