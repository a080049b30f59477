/**
 * Exact snapshots of the part of the graph a curation touches, stored as JSON on the :Curation node
 * (beforeJson / afterJson), and the restore that `undo` uses. A scope is a set of entity ids (each with
 * its labels, properties and every relationship touching it) plus a set of relationship ids. Property
 * values keep their Neo4j types: integers, floats, temporal values and points round-trip exactly.
 */
import neo4j, { type ManagedTransaction, type Node, type Relationship } from 'neo4j-driver';
import { InvalidInputError } from '../errors';
import { checkedEntityLabel, checkedRelationshipType, ENTITY_LABELS } from '../workshop/curation-rules';
import { comparableSnapshot, stableRelationKey } from '../workshop/snapshot-compare';
import type {
  CurationScope,
  EncodedMap,
  EncodedValue,
  EntityState,
  NodeRef,
  RelationshipState,
  Snapshot,
} from '../workshop/types';

export type { CurationScope, EntityState, NodeRef, RelationshipState, Snapshot };

type Encoded = EncodedValue;

// ---- values ---------------------------------------------------------------------------------------

const TEMPORAL_FIELDS: Record<string, string[]> = {
  Date: ['year', 'month', 'day'],
  DateTime: ['year', 'month', 'day', 'hour', 'minute', 'second', 'nanosecond', 'timeZoneOffsetSeconds', 'timeZoneId'],
  LocalDateTime: ['year', 'month', 'day', 'hour', 'minute', 'second', 'nanosecond'],
  LocalTime: ['hour', 'minute', 'second', 'nanosecond'],
  Time: ['hour', 'minute', 'second', 'nanosecond', 'timeZoneOffsetSeconds'],
  Duration: ['months', 'days', 'seconds', 'nanoseconds'],
  Point: ['srid', 'x', 'y', 'z'],
};

function temporalKind(value: unknown): string | null {
  const v = value as never;
  if (neo4j.isDateTime(v)) return 'DateTime';
  if (neo4j.isLocalDateTime(v)) return 'LocalDateTime';
  if (neo4j.isDate(v)) return 'Date';
  if (neo4j.isLocalTime(v)) return 'LocalTime';
  if (neo4j.isTime(v)) return 'Time';
  if (neo4j.isDuration(v)) return 'Duration';
  if (neo4j.isPoint(v)) return 'Point';
  return null;
}

export function encodeValue(value: unknown): Encoded {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $float: String(value) };
  if (neo4j.isInt(value as never)) return { $int: String(value) };
  if (Array.isArray(value)) return value.map(encodeValue);
  const kind = temporalKind(value);
  if (kind) {
    const fields = value as Record<string, unknown>;
    return { $type: kind, fields: TEMPORAL_FIELDS[kind].map((f) => encodeValue(fields[f])) };
  }
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  throw new InvalidInputError(`curation snapshot: cannot keep a property value of type ${typeof value}`);
}

export function decodeValue(value: Encoded): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeValue);
  if (typeof value.$int === 'string') return neo4j.int(value.$int);
  if (typeof value.$float === 'string') return Number(value.$float);
  if (typeof value.$bytes === 'string') return new Uint8Array(Buffer.from(value.$bytes, 'base64'));
  if (typeof value.$type === 'string' && Array.isArray(value.fields)) {
    const f = value.fields.map(decodeValue) as never[];
    const types = neo4j.types as unknown as Record<string, new (...args: unknown[]) => unknown>;
    if (value.$type === 'Point') return new neo4j.types.Point(f[0], f[1], f[2], f[3] ?? undefined);
    if (value.$type === 'DateTime')
      return new neo4j.types.DateTime(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7] ?? undefined, f[8] ?? undefined);
    return new types[value.$type](...f);
  }
  throw new InvalidInputError('curation snapshot: unreadable stored value');
}

export function encodeProperties(properties: Record<string, unknown>): EncodedMap {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, encodeValue(value)]));
}

export function decodeProperties(properties: EncodedMap): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, decodeValue(value)]));
}

// ---- capture --------------------------------------------------------------------------------------

export function nodeRef(node: Node): NodeRef {
  const id = node.properties.id;
  if (typeof id === 'string' && id !== '') {
    if (node.labels.includes('Entity')) return { label: 'Entity', id };
    if (node.labels.includes('Document')) return { label: 'Document', id };
  }
  return { elementId: node.elementId };
}

export function entityState(node: Node): EntityState {
  return {
    id: String(node.properties.id),
    labels: [...node.labels].sort(),
    properties: encodeProperties(node.properties),
  };
}

export async function captureSnapshot(tx: ManagedTransaction, scope: CurationScope): Promise<Snapshot> {
  const entities: Snapshot['entities'] = {};
  const relationships = new Map<string, RelationshipState>();
  const add = (rel: Relationship, start: Node, end: Node) => {
    if (relationships.has(rel.elementId)) return;
    relationships.set(rel.elementId, {
      key: rel.elementId,
      type: rel.type,
      start: nodeRef(start),
      end: nodeRef(end),
      properties: encodeProperties(rel.properties),
    });
  };
  if (scope.entityIds.length > 0) {
    const found = await tx.run('UNWIND $ids AS id OPTIONAL MATCH (n:Entity {id: id}) RETURN id, n', {
      ids: scope.entityIds,
    });
    for (const record of found.records) {
      const node = record.get('n') as Node | null;
      entities[record.get('id') as string] = node ? entityState(node) : null;
    }
    const rels = await tx.run(
      'MATCH (n:Entity)-[r]-() WHERE n.id IN $ids RETURN DISTINCT r, startNode(r) AS s, endNode(r) AS e',
      { ids: scope.entityIds },
    );
    for (const record of rels.records) add(record.get('r'), record.get('s'), record.get('e'));
  }
  if (scope.relationIds.length > 0) {
    const rels = await tx.run('MATCH (s)-[r]->(e) WHERE r.id IN $ids RETURN r, s, e', { ids: scope.relationIds });
    for (const record of rels.records) add(record.get('r'), record.get('s'), record.get('e'));
  }
  const sorted = [...relationships.values()].sort((a, b) => stableRelationKey(a).localeCompare(stableRelationKey(b)));
  return { entities, relationships: sorted };
}

export { comparableSnapshot, stableRelationKey };

// ---- restore --------------------------------------------------------------------------------------

function matchRef(variable: string, ref: NodeRef, param: string): string {
  if ('id' in ref) return `MATCH (${variable}:${ref.label === 'Entity' ? 'Entity' : 'Document'} {id: $${param}})`;
  return `MATCH (${variable}) WHERE elementId(${variable}) = $${param}`;
}

function refValue(ref: NodeRef): string {
  return 'id' in ref ? ref.id : ref.elementId;
}

/** Puts the scope back exactly as the snapshot recorded it: entities, labels, properties, relationships. */
export async function restoreSnapshot(tx: ManagedTransaction, scope: CurationScope, snapshot: Snapshot): Promise<void> {
  for (const state of Object.values(snapshot.entities))
    state?.labels.forEach((label) => checkedEntityLabel(label, 'undo'));
  for (const rel of snapshot.relationships) checkedRelationshipType(rel.type, 'undo');

  if (scope.entityIds.length > 0)
    await tx.run('MATCH (n:Entity)-[r]-() WHERE n.id IN $ids DELETE r', { ids: scope.entityIds });
  if (scope.relationIds.length > 0)
    await tx.run('MATCH ()-[r]->() WHERE r.id IN $ids DELETE r', { ids: scope.relationIds });

  for (const id of scope.entityIds) {
    const state = snapshot.entities[id];
    if (!state) {
      await tx.run('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id });
      continue;
    }
    await tx.run('MERGE (n:Entity {id: $id}) SET n = $props', { id, props: decodeProperties(state.properties) });
    for (const label of ENTITY_LABELS) {
      if (label === 'Entity') continue;
      const statement = state.labels.includes(label) ? `SET n:${label}` : `REMOVE n:${label}`;
      await tx.run(`MATCH (n:Entity {id: $id}) ${statement}`, { id });
    }
  }

  for (const rel of snapshot.relationships) {
    const type = checkedRelationshipType(rel.type, 'undo');
    const result = await tx.run(
      `${matchRef('a', rel.start, 'a')} ${matchRef('b', rel.end, 'b')}
       CREATE (a)-[r:${type}]->(b) SET r = $props RETURN count(r) AS created`,
      { a: refValue(rel.start), b: refValue(rel.end), props: decodeProperties(rel.properties) },
    );
    const created = result.records[0]?.get('created');
    if (!created || Number(created) !== 1) {
      throw new InvalidInputError(
        `undo: the ${type} relationship between ${refValue(rel.start)} and ${refValue(rel.end)} cannot be restored: one end no longer exists`,
      );
    }
  }
}
