/**
 * The one owner of how an entity node's properties are written and read: `id`, `type`, `name`,
 * `aliases` (a list of names other than `name`, each once) and attributes, which Neo4j can hold only as
 * scalars or lists of strings.
 */
import type { AttributeValue, EntityRecord } from '../../model/types';
import { isEvidenceProperty } from './evidence-codec';

/** Properties the codecs own: never taken from (or shown as) attributes. */
const ENTITY_RESERVED: ReadonlySet<string> = new Set(['id', 'name', 'type', 'aliases']);
const FACT_RESERVED: ReadonlySet<string> = new Set(['id', 'type', 'confidence']);

export type StoredAttributes = Record<string, string | number | boolean | string[]>;

/** Scalars and lists of strings pass; anything else is dropped, and so are the reserved keys. */
export function storedAttributes(attributes: Record<string, AttributeValue | unknown>): StoredAttributes {
  const out: StoredAttributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (ENTITY_RESERVED.has(key) || FACT_RESERVED.has(key) || key.startsWith('evidence')) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value as string[];
  }
  return out;
}

export interface EntityRow {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  attributes: StoredAttributes;
}

export function encodeEntity(entity: EntityRecord): EntityRow {
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    aliases: entity.aliases,
    attributes: storedAttributes(entity.attributes),
  };
}

/**
 * Cypher: unites the aliases of row `e` into node `n`'s, in order, skipping its name and names it holds.
 * (Curations compare names folded; the importer's own aliases are exact strings.)
 */
export function uniteAliasesCypher(n: string, e: string): string {
  return `${n}.aliases = reduce(acc = coalesce(${n}.aliases, []), a IN ${e}.aliases | CASE WHEN a IN acc OR a = ${n}.name THEN acc ELSE acc + a END)`;
}

export function decodeAliases(props: Record<string, unknown>): string[] {
  return Array.isArray(props.aliases) ? props.aliases.map(String) : [];
}

/** Node properties drawn apart from a node's attributes: identity, names and a document's text. */
const NODE_RESERVED: ReadonlySet<string> = new Set(['id', 'type', 'name', 'aliases', 'text', 'keptRanges']);

export function isNodeAttribute(key: string): boolean {
  return !NODE_RESERVED.has(key);
}

/** Fact properties that are attributes: not its id, type, confidence or evidence. */
export function isFactAttribute(key: string): boolean {
  return !FACT_RESERVED.has(key) && !isEvidenceProperty(key);
}
