/**
 * What each curation kind does to the graph, inside the caller's write transaction. Every function is
 * idempotent (applying it to a graph where it is already applied changes nothing), so the log can be
 * replayed after a re-import. Relationship types and labels come only from the fixed lists of
 * curation-rules.ts; everything else is a parameter. Plain Cypher, no APOC.
 */
import type { ManagedTransaction, Node, Relationship } from 'neo4j-driver';
import { InvalidInputError, NotFoundError } from '../errors';
import { entityId as makeEntityId, relationId as makeRelationId } from '../model/ids';
import { ENTITY_TYPES, type EntityType } from '../model/types';
import {
  checkedEntityLabel,
  checkedRelationshipType,
  combineRelationshipProperties,
  isEntityType,
  mergedAliases,
  relationshipSlot,
  withoutAlias,
} from '../workshop/curation-rules';
import { sameName } from '../model/names';
import type { CurationPayload } from '../workshop/schemas';
import type { CurationScope } from './curation-snapshot';
import { decodeAliases } from './storage/entity-codec';
import { DOCUMENT_LINK_TYPES } from './storage/layout';
import { partitionMentions } from './storage/mention-codec';

/** Facts found at first application that replays must reuse (the graph may differ by then). */
export interface CurationResolved {
  mergedNames?: string[]; // merge: the merged entity's name and aliases
  newEntityId?: string; // split-alias: the id of the entity the alias became
  newEntityType?: EntityType; // split-alias
}

export interface CurationContext {
  mode: 'apply' | 'replay';
  author: string;
  at: string;
  resolved: CurationResolved;
}

export interface ApplyOutcome {
  status: 'applied' | 'skipped';
  message?: string;
}

type Props = Record<string, unknown>;

/** Survivor properties a merge decides itself; the merged entity's other properties only fill gaps. */
const MERGE_KEEPS = new Set(['id', 'name', 'type', 'aliases', 'mergedIds']);

async function readEntity(tx: ManagedTransaction, id: string): Promise<Node | null> {
  const result = await tx.run('MATCH (n:Entity {id: $id}) RETURN n', { id });
  return (result.records[0]?.get('n') as Node | undefined) ?? null;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function aliasesOf(node: Node): string[] {
  return decodeAliases(node.properties);
}

function missing(ctx: CurationContext, message: string, details: unknown): ApplyOutcome {
  if (ctx.mode === 'apply') throw new NotFoundError(message, { details });
  return { status: 'skipped', message };
}

/** The scope whose before/after is recorded; split-alias resolves its new entity's id first. */
export async function curationScope(
  tx: ManagedTransaction,
  payload: CurationPayload,
  resolved: CurationResolved,
): Promise<CurationScope> {
  switch (payload.kind) {
    case 'merge':
      return { entityIds: [payload.survivorId, payload.mergedId], relationIds: [] };
    case 'rename':
    case 'change-type':
      return { entityIds: [payload.entityId], relationIds: [] };
    case 'split-alias': {
      if (!resolved.newEntityId) {
        const entity = await readEntity(tx, payload.entityId);
        if (!entity)
          throw new NotFoundError(`split-alias: no entity with id "${payload.entityId}"`, {
            details: { id: payload.entityId },
          });
        const type = payload.type ?? (isEntityType(entity.properties.type) ? entity.properties.type : undefined);
        if (!type)
          throw new InvalidInputError(
            `split-alias: entity "${payload.entityId}" has no known type; name one with "type"`,
          );
        resolved.newEntityType = type;
        resolved.newEntityId = makeEntityId(type, payload.alias);
        if (resolved.newEntityId === payload.entityId) {
          throw new InvalidInputError(
            `split-alias: "${payload.alias}" would get the id of "${payload.entityId}" itself; rename instead`,
          );
        }
      }
      return { entityIds: [payload.entityId, resolved.newEntityId], relationIds: [] };
    }
    case 'delete-relation':
    case 'dispute-relation':
      return { entityIds: [], relationIds: [payload.relationId] };
    case 'add-relation':
      return { entityIds: [], relationIds: [makeRelationId(payload.type, payload.sourceId, payload.targetId)] };
  }
}

export async function applyCuration(
  tx: ManagedTransaction,
  payload: CurationPayload,
  ctx: CurationContext,
): Promise<ApplyOutcome> {
  switch (payload.kind) {
    case 'merge':
      return merge(tx, payload.survivorId, payload.mergedId, ctx);
    case 'rename':
      return rename(tx, payload.entityId, payload.name, payload.keepOldNameAsAlias, ctx);
    case 'change-type':
      return changeType(tx, payload.entityId, payload.type, ctx);
    case 'split-alias':
      return splitAlias(tx, payload.entityId, payload.alias, ctx);
    case 'delete-relation':
      return deleteRelation(tx, payload.relationId, ctx);
    case 'dispute-relation':
      return disputeRelation(tx, payload.relationId, payload.note, ctx);
    case 'add-relation':
      return addRelation(tx, payload, ctx);
  }
}

// ---- relationships in slots ------------------------------------------------------------------------

interface Incident {
  rel: Relationship;
  direction: 'out' | 'in';
  other: Node;
}

async function incidentRelationships(
  tx: ManagedTransaction,
  entityId: string,
  types?: readonly string[],
): Promise<Incident[]> {
  const result = await tx.run(
    `MATCH (n:Entity {id: $id})-[r]-(o)
     WHERE $types IS NULL OR type(r) IN $types
     RETURN DISTINCT r, startNode(r) = n AS out, o`,
    { id: entityId, types: types ?? null },
  );
  return result.records.map((record) => ({
    rel: record.get('r'),
    direction: record.get('out') ? 'out' : 'in',
    other: record.get('o'),
  }));
}

/** Puts a relationship of `type` between `entityId` and a node: into the slot's existing one if any. */
class SlotWriter {
  private readonly slots = new Map<string, { elementId: string; props: Props }>();

  private constructor(
    private readonly tx: ManagedTransaction,
    private readonly entityId: string,
  ) {}

  static async for(tx: ManagedTransaction, entityId: string): Promise<SlotWriter> {
    const writer = new SlotWriter(tx, entityId);
    for (const { rel, direction, other } of await incidentRelationships(tx, entityId)) {
      const slot = relationshipSlot(rel.type, direction, other.elementId);
      if (!writer.slots.has(slot)) writer.slots.set(slot, { elementId: rel.elementId, props: rel.properties });
    }
    return writer;
  }

  async put(type: string, direction: 'out' | 'in', otherElementId: string, props: Props): Promise<void> {
    const checked = checkedRelationshipType(type, 'curation');
    const slot = relationshipSlot(checked, direction, otherElementId);
    const existing = this.slots.get(slot);
    if (existing) {
      const combined = combineRelationshipProperties(existing.props, props);
      await this.tx.run('MATCH ()-[r]->() WHERE elementId(r) = $eid SET r = $props', {
        eid: existing.elementId,
        props: combined,
      });
      existing.props = combined;
      return;
    }
    const pattern = direction === 'out' ? `(n)-[r:${checked}]->(o)` : `(o)-[r:${checked}]->(n)`;
    const created = await this.tx.run(
      `MATCH (n:Entity {id: $id}) MATCH (o) WHERE elementId(o) = $other CREATE ${pattern} SET r = $props RETURN elementId(r) AS eid`,
      { id: this.entityId, other: otherElementId, props },
    );
    this.slots.set(slot, { elementId: created.records[0].get('eid'), props });
  }
}

// ---- kinds -----------------------------------------------------------------------------------------

async function merge(
  tx: ManagedTransaction,
  survivorId: string,
  mergedId: string,
  ctx: CurationContext,
): Promise<ApplyOutcome> {
  if (survivorId === mergedId)
    throw new InvalidInputError('merge: an entity cannot be merged into itself', { details: { survivorId } });
  const survivor = await readEntity(tx, survivorId);
  if (!survivor)
    return missing(ctx, `merge: no entity with id "${survivorId}" (survivor)`, { field: 'survivorId', id: survivorId });
  const merged = await readEntity(tx, mergedId);
  if (!merged && ctx.mode === 'apply')
    throw new NotFoundError(`merge: no entity with id "${mergedId}"`, { details: { field: 'mergedId', id: mergedId } });

  const names = merged ? [String(merged.properties.name ?? ''), ...aliasesOf(merged)].filter(Boolean) : [];
  if (merged && !ctx.resolved.mergedNames) ctx.resolved.mergedNames = names;
  const allNames = [...(ctx.resolved.mergedNames ?? []), ...names];
  const survivorProps: Props = { ...survivor.properties };
  const survivorName = String(survivorProps.name ?? '');
  survivorProps.aliases = mergedAliases(
    survivorName,
    aliasesOf(survivor),
    allNames[0] ?? survivorName,
    allNames.slice(1),
  );
  const mergedIds = stringList(survivorProps.mergedIds);
  for (const id of [mergedId, ...stringList(merged?.properties.mergedIds)])
    if (!mergedIds.includes(id)) mergedIds.push(id);
  survivorProps.mergedIds = mergedIds;

  if (merged) {
    for (const [key, value] of Object.entries(merged.properties))
      if (!MERGE_KEEPS.has(key) && !(key in survivorProps)) survivorProps[key] = value;
    const writer = await SlotWriter.for(tx, survivorId);
    for (const { rel, direction, other } of await incidentRelationships(tx, mergedId)) {
      checkedRelationshipType(rel.type, 'merge');
      // A relation between the two merged entities would become a loop on the survivor: it is dropped.
      if (other.elementId === merged.elementId || other.elementId === survivor.elementId) continue;
      await writer.put(rel.type, direction, other.elementId, rel.properties);
    }
    await tx.run('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id: mergedId });
  }
  await tx.run('MATCH (n:Entity {id: $id}) SET n = $props', { id: survivorId, props: survivorProps });
  return { status: 'applied' };
}

async function rename(
  tx: ManagedTransaction,
  id: string,
  name: string,
  keepOld: boolean,
  ctx: CurationContext,
): Promise<ApplyOutcome> {
  const entity = await readEntity(tx, id);
  if (!entity) return missing(ctx, `rename: no entity with id "${id}"`, { id });
  const oldName = String(entity.properties.name ?? '');
  const aliases = aliasesOf(entity);
  const next = keepOld && oldName ? mergedAliases(name, aliases, oldName, []) : withoutAlias(aliases, name);
  await tx.run('MATCH (n:Entity {id: $id}) SET n.name = $name, n.aliases = $aliases', { id, name, aliases: next });
  return { status: 'applied' };
}

async function changeType(
  tx: ManagedTransaction,
  id: string,
  type: EntityType,
  ctx: CurationContext,
): Promise<ApplyOutcome> {
  const entity = await readEntity(tx, id);
  if (!entity) return missing(ctx, `change-type: no entity with id "${id}"`, { id });
  const label = checkedEntityLabel(type, 'change-type');
  for (const other of ENTITY_TYPES)
    if (other !== type && entity.labels.includes(other))
      await tx.run(`MATCH (n:Entity {id: $id}) REMOVE n:${checkedEntityLabel(other, 'change-type')}`, { id });
  await tx.run(`MATCH (n:Entity {id: $id}) SET n:${label}, n.type = $type`, { id, type });
  return { status: 'applied' };
}

async function splitAlias(
  tx: ManagedTransaction,
  id: string,
  alias: string,
  ctx: CurationContext,
): Promise<ApplyOutcome> {
  const entity = await readEntity(tx, id);
  if (!entity) return missing(ctx, `split-alias: no entity with id "${id}"`, { id });
  const aliases = aliasesOf(entity);
  if (ctx.mode === 'apply' && !aliases.some((known) => sameName(known, alias))) {
    throw new InvalidInputError(`split-alias: "${alias}" is not an alias of "${id}"`, {
      details: { id, alias, aliases },
    });
  }
  const newId = ctx.resolved.newEntityId as string;
  const type = checkedEntityLabel(ctx.resolved.newEntityType ?? String(entity.properties.type), 'split-alias');
  await tx.run(
    `MERGE (n:Entity {id: $newId})
     ON CREATE SET n:${type}, n.name = $alias, n.type = $type, n.aliases = [], n.splitFrom = $id`,
    { newId, alias, type, id },
  );
  const matches = (text: string) => sameName(text, alias);
  await tx.run('MATCH (n:Entity {id: $id}) SET n.aliases = $aliases', { id, aliases: withoutAlias(aliases, alias) });

  const writer = await SlotWriter.for(tx, newId);
  for (const { rel, direction, other } of await incidentRelationships(tx, id, DOCUMENT_LINK_TYPES)) {
    const { keep, move } = partitionMentions(rel.properties, matches);
    if (!move) continue;
    if (keep)
      await tx.run('MATCH ()-[r]->() WHERE elementId(r) = $eid SET r = $props', { eid: rel.elementId, props: keep });
    else await tx.run('MATCH ()-[r]->() WHERE elementId(r) = $eid DELETE r', { eid: rel.elementId });
    await writer.put(rel.type, direction, other.elementId, move);
  }
  return { status: 'applied' };
}

async function relationTypes(tx: ManagedTransaction, relationId: string): Promise<string[]> {
  const result = await tx.run('MATCH ()-[r]->() WHERE r.id = $id RETURN type(r) AS type', { id: relationId });
  return result.records.map((record) => checkedRelationshipType(record.get('type'), 'relation curation'));
}

async function deleteRelation(tx: ManagedTransaction, relationId: string, ctx: CurationContext): Promise<ApplyOutcome> {
  const types = await relationTypes(tx, relationId);
  // On replay, a relation that is not there is a deletion already in effect.
  if (types.length === 0)
    return ctx.mode === 'replay'
      ? { status: 'applied' }
      : missing(ctx, `delete-relation: no relation with id "${relationId}"`, { id: relationId });
  await tx.run('MATCH ()-[r]->() WHERE r.id = $id DELETE r', { id: relationId });
  return { status: 'applied' };
}

async function disputeRelation(
  tx: ManagedTransaction,
  relationId: string,
  note: string,
  ctx: CurationContext,
): Promise<ApplyOutcome> {
  const types = await relationTypes(tx, relationId);
  if (types.length === 0)
    return missing(ctx, `dispute-relation: no relation with id "${relationId}"`, { id: relationId });
  await tx.run(
    'MATCH ()-[r]->() WHERE r.id = $id SET r.disputed = true, r.disputedNote = $note, r.disputedBy = $author, r.disputedAt = $at',
    {
      id: relationId,
      note,
      author: ctx.author,
      at: ctx.at,
    },
  );
  return { status: 'applied' };
}

async function addRelation(
  tx: ManagedTransaction,
  payload: Extract<CurationPayload, { kind: 'add-relation' }>,
  ctx: CurationContext,
): Promise<ApplyOutcome> {
  const type = checkedRelationshipType(payload.type, 'add-relation');
  const id = makeRelationId(payload.type, payload.sourceId, payload.targetId);
  for (const [field, entity] of [
    ['sourceId', payload.sourceId],
    ['targetId', payload.targetId],
  ] as const) {
    if (!(await readEntity(tx, entity)))
      return missing(ctx, `add-relation: no entity with id "${entity}" (${field})`, { field, id: entity });
  }
  const curated = { curated: true, sourceNote: payload.sourceNote, curatedBy: ctx.author, curatedAt: ctx.at };
  const existing = await relationTypes(tx, id);
  if (existing.length > 0) {
    await tx.run('MATCH ()-[r]->() WHERE r.id = $id SET r += $curated', { id, curated });
    return {
      status: 'applied',
      message: 'the relation already existed: it is now marked as curated with the source note',
    };
  }
  await tx.run(
    `MATCH (a:Entity {id: $source}) MATCH (b:Entity {id: $target})
     CREATE (a)-[r:${type}]->(b) SET r = $props`,
    { source: payload.sourceId, target: payload.targetId, props: { id, ...curated } },
  );
  return { status: 'applied' };
}
