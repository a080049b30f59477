/**
 * Comparing curation snapshots taken at different times (element ids differ between them), and
 * rebasing a curation's before/after onto a graph that an import changed around it. Pure.
 */
import type { EncodedMap, EntityState, NodeRef, RelationshipState, Snapshot } from './types';

function sortKeys(map: EncodedMap): EncodedMap {
  return Object.fromEntries(
    Object.keys(map)
      .sort()
      .map((key) => [key, map[key]]),
  );
}

/** A key that does not depend on element ids, for comparing snapshots taken at different times. */
export function stableRelationKey(rel: RelationshipState): string {
  const ref = (r: NodeRef) => ('id' in r ? `${r.label}:${r.id}` : `#${r.elementId}`);
  return `${rel.type}|${ref(rel.start)}|${ref(rel.end)}|${JSON.stringify(sortKeys(rel.properties))}`;
}

/** A snapshot without element ids, in a canonical order: equal when the graph in scope is equal. */
export function comparableSnapshot(snapshot: Snapshot): unknown {
  return {
    entities: Object.fromEntries(
      Object.keys(snapshot.entities)
        .sort()
        .map((id) => {
          const state = snapshot.entities[id];
          return [id, state ? { labels: state.labels, properties: sortKeys(state.properties) } : null];
        }),
    ),
    relationships: snapshot.relationships.map(stableRelationKey).sort(),
  };
}

/** True when two snapshots hold the same graph in scope, taken at whatever times. */
export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return JSON.stringify(comparableSnapshot(a)) === JSON.stringify(comparableSnapshot(b));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Removes one relationship per key in `remove`; false when one of them is not there. */
function without(rels: RelationshipState[], remove: RelationshipState[]): RelationshipState[] | null {
  const left = [...rels];
  for (const rel of remove) {
    const at = left.findIndex((candidate) => stableRelationKey(candidate) === stableRelationKey(rel));
    if (at < 0) return null;
    left.splice(at, 1);
  }
  return left;
}

function multisetDifference(a: RelationshipState[], b: RelationshipState[]): RelationshipState[] {
  const counts = new Map<string, number>();
  for (const rel of b) counts.set(stableRelationKey(rel), (counts.get(stableRelationKey(rel)) ?? 0) + 1);
  const result: RelationshipState[] = [];
  for (const rel of a) {
    const key = stableRelationKey(rel);
    const n = counts.get(key) ?? 0;
    if (n > 0) counts.set(key, n - 1);
    else result.push(rel);
  }
  return result;
}

/**
 * A curation already in effect whose scope something else changed since (typically an import that
 * added mentions or facts to a merged entity): carries those outside changes into its `before`, so undo
 * keeps them. Works when the outside changes are relationships added or removed and entity properties
 * the curation itself did not touch; answers null otherwise (undo then stays refused for this one).
 */
export function rebaseSnapshots(
  before: Snapshot,
  after: Snapshot,
  current: Snapshot,
): { before: Snapshot; after: Snapshot } | null {
  const entities: Record<string, EntityState | null> = {};
  for (const id of Object.keys(before.entities)) {
    const b = before.entities[id] ?? null;
    const a = after.entities[id] ?? null;
    const c = current.entities[id] ?? null;
    if ((a === null) !== (c === null)) return null; // an entity appeared or disappeared
    if (!a || !c || !b) {
      entities[id] = b;
      continue;
    }
    if (a.labels.join() !== c.labels.join()) return null;
    const properties: EncodedMap = { ...b.properties };
    for (const key of new Set([...Object.keys(a.properties), ...Object.keys(c.properties)])) {
      if (same(a.properties[key], c.properties[key])) continue;
      if (!same(b.properties[key], a.properties[key])) return null; // the curation set this property itself
      if (c.properties[key] === undefined) delete properties[key];
      else properties[key] = c.properties[key];
    }
    entities[id] = { ...b, properties };
  }
  const added = multisetDifference(current.relationships, after.relationships);
  const removed = multisetDifference(after.relationships, current.relationships);
  const kept = without(before.relationships, removed);
  if (!kept) return null; // the import removed something the curation had created
  return { before: { entities, relationships: [...kept, ...added] }, after: current };
}

/** The entity and relation ids a curation's snapshots involve: two curations that share one interact. */
export function touchedIds(
  scope: { entityIds: string[]; relationIds: string[] },
  ...snapshots: Snapshot[]
): Set<string> {
  const ids = new Set<string>([...scope.entityIds.map((id) => `e:${id}`), ...scope.relationIds.map((id) => `r:${id}`)]);
  for (const snapshot of snapshots) {
    for (const rel of snapshot.relationships) {
      if (typeof rel.properties.id === 'string') ids.add(`r:${rel.properties.id}`);
      for (const end of [rel.start, rel.end]) if ('id' in end && end.label === 'Entity') ids.add(`e:${end.id}`);
    }
  }
  return ids;
}
