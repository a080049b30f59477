/**
 * Pure rules the curation engine follows: which relationship types and labels it may touch (Cypher
 * cannot take them as parameters, so they come from these fixed lists only), how aliases combine, and how
 * two relationships that land in the same place after a merge become one. Values may be raw driver values
 * (neo4j Integer); nothing here talks to the database.
 */
import { InvalidInputError } from '../errors';
import { sameName } from '../model/names';
import { CO_OCCURS, ENTITY_TYPES, RELATION_TYPES, SYMMETRIC_RELATION_TYPES, type EntityType } from '../model/types';
import { uniteEvidence } from '../neo4j/storage/evidence-codec';
import { DOCUMENT_LINK_TYPES } from '../neo4j/storage/layout';
import { uniteMentions } from '../neo4j/storage/mention-codec';

/**
 * Every relationship type a curation may move, delete or recreate: facts and links of the shared graph
 * only. Hypotheses belong to one workshop each and live in the workshop store, out of every curation's reach.
 */
export const CURATED_RELATIONSHIP_TYPES: readonly string[] = [...RELATION_TYPES, CO_OCCURS, ...DOCUMENT_LINK_TYPES];

/** Labels an entity may carry; a type change swaps one ENTITY_TYPES label for another. */
export const ENTITY_LABELS: readonly string[] = ['Entity', ...ENTITY_TYPES];

export function checkedRelationshipType(type: string, where: string): string {
  if (!CURATED_RELATIONSHIP_TYPES.includes(type)) {
    throw new InvalidInputError(
      `${where}: relationship type "${type}" is not one curation knows how to keep; nothing was changed`,
      {
        details: { type, known: CURATED_RELATIONSHIP_TYPES },
      },
    );
  }
  return type;
}

export function checkedEntityLabel(label: string, where: string): string {
  if (!ENTITY_LABELS.includes(label)) {
    throw new InvalidInputError(`${where}: label "${label}" is not an entity label; nothing was changed`, {
      details: { label, known: ENTITY_LABELS },
    });
  }
  return label;
}

export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}

/** The survivor's aliases after a merge: its own, then the merged entity's name and aliases, never its own name. */
export function mergedAliases(
  survivorName: string,
  survivorAliases: readonly string[],
  mergedName: string,
  mergedAliases: readonly string[],
): string[] {
  const result: string[] = [];
  for (const alias of [...survivorAliases, mergedName, ...mergedAliases]) {
    if (sameName(alias, survivorName) || result.some((kept) => sameName(kept, alias))) continue;
    result.push(alias);
  }
  return result;
}

export function withoutAlias(aliases: readonly string[], alias: string): string[] {
  return aliases.filter((kept) => !sameName(kept, alias));
}

type Props = Record<string, unknown>;

/**
 * Where a relationship sits once its entity end is the survivor: same type, same direction (none for
 * symmetric relations) and same other node are the same place.
 */
export function relationshipSlot(type: string, direction: 'out' | 'in', otherKey: string): string {
  const way = SYMMETRIC_RELATION_TYPES.has(type as never) || type === CO_OCCURS ? 'both' : direction;
  return `${type}|${way}|${otherKey}`;
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'toNumber' in value) return (value as { toNumber(): number }).toNumber();
  return null;
}

/**
 * The properties of one relationship that absorbs another in the same slot: evidence and mention lists
 * are united (no duplicates, so doing it twice changes nothing), confidence is the higher one, the
 * absorbing relationship's other properties win and the absorbed one only fills gaps. The absorbed
 * relationship's id is remembered in `mergedIds`.
 */
export function combineRelationshipProperties(existing: Props, incoming: Props): Props {
  const result: Props = { ...existing };
  const united: Props = { ...uniteEvidence(existing, incoming), ...uniteMentions(existing, incoming) };
  for (const [key, value] of Object.entries(incoming)) {
    if (key in united) continue;
    if (key === 'confidence') {
      const a = numberOf(existing.confidence);
      const b = numberOf(value);
      if (a === null || (b !== null && b > a)) result.confidence = value;
    } else if (!(key in existing)) {
      result[key] = value;
    }
  }
  Object.assign(result, united);
  const incomingId = typeof incoming.id === 'string' ? incoming.id : null;
  if (incomingId && incomingId !== existing.id) {
    const known = Array.isArray(existing.mergedIds) ? (existing.mergedIds as string[]) : [];
    const absorbed = Array.isArray(incoming.mergedIds) ? (incoming.mergedIds as string[]) : [];
    const all = [...known];
    for (const id of [incomingId, ...absorbed]) if (!all.includes(id)) all.push(id);
    result.mergedIds = all;
  }
  return result;
}
