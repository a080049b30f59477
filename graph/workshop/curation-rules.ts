/**
 * Pure rules the curation engine follows: which relationship types and labels it may touch (Cypher
 * cannot take them as parameters, so they come from these fixed lists only), how aliases combine, and how
 * two relationships that land in the same place after a merge become one. Values may be raw driver values
 * (neo4j Integer); nothing here talks to the database.
 */
import { InvalidInputError } from '../errors';
import { CO_OCCURS, ENTITY_TYPES, RELATION_TYPES, SYMMETRIC_RELATION_TYPES, type EntityType } from '../model/types';

/** Links between documents and entities, whichever way the importer stores them. */
export const MENTION_TYPES: readonly string[] = ['MENTIONS', 'MENTIONED_IN'];

/**
 * Every relationship type a curation may move, delete or recreate: facts and links of the shared graph
 * only. Hypotheses belong to one workshop each and live in the workshop store, out of every curation's reach.
 */
export const CURATED_RELATIONSHIP_TYPES: readonly string[] = [
  ...RELATION_TYPES,
  CO_OCCURS,
  ...MENTION_TYPES,
  'FROM_DOCUMENT',
];

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

/** Compares names the way analysts read them: case, accents and runs of spaces do not count. */
export function sameName(a: string, b: string): boolean {
  return foldName(a) === foldName(b);
}

export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
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

function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'toString' in (value as object) && !Array.isArray(value)) return String(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Where a relationship sits once its entity end is the survivor: same type, same direction (none for
 * symmetric relations) and same other node are the same place; a mention stored one per relationship
 * also keeps its offsets, so two different ones never collapse into one.
 */
export function relationshipSlot(type: string, direction: 'out' | 'in', otherKey: string, props: Props): string {
  const way = SYMMETRIC_RELATION_TYPES.has(type as never) || type === CO_OCCURS ? 'both' : direction;
  const scalarSpan =
    props.start !== undefined && !Array.isArray(props.start) ? `|${plain(props.start)}:${plain(props.end)}` : '';
  return `${type}|${way}|${otherKey}${scalarSpan}`;
}

/** A JSON list kept as one JSON string, or as a list of JSON strings: the entries and how to write them back. */
interface JsonList {
  entries: unknown[];
  write(entries: unknown[]): unknown;
}

function readJsonList(value: unknown): JsonList | null {
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };
  if (typeof value === 'string') {
    const parsed = parse(value);
    if (!Array.isArray(parsed)) return null;
    return { entries: parsed, write: (entries) => JSON.stringify(entries) };
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return {
      entries: value.map((item) => parse(item as string)),
      write: (entries) => entries.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))),
    };
  }
  return null;
}

function spanKey(entry: unknown): string {
  if (entry && typeof entry === 'object') {
    const e = entry as Record<string, unknown>;
    if ('start' in e || 'document' in e) return `${plain(e.document)}|${plain(e.start)}|${plain(e.end)}`;
  }
  return JSON.stringify(entry);
}

/** Union of two JSON lists (evidence, mentions), one entry per document span, the existing order first. */
export function unionJsonLists(existing: unknown, incoming: unknown): unknown {
  const a = readJsonList(existing);
  const b = readJsonList(incoming);
  if (!a) return existing ?? incoming;
  if (!b) return existing;
  const seen = new Set(a.entries.map(spanKey));
  const added = b.entries.filter((entry) => !seen.has(spanKey(entry)) && seen.add(spanKey(entry)));
  return added.length === 0 ? existing : a.write([...a.entries, ...added]);
}

const PARALLEL_LISTS = ['starts', 'ends', 'texts'] as const;

/**
 * Lists kept in parallel (entry i of each list is one item): mentions as `starts/ends/texts`, evidence
 * as `evidence/evidenceDocs/evidenceTexts/evidenceStarts/evidenceEnds/evidenceConfidences` (see
 * store-document.ts). They are united together, one item per span, so they stay aligned.
 */
const PARALLEL_GROUPS: ReadonlyArray<{ lists: readonly string[]; key: (props: Props, i: number) => string }> = [
  { lists: PARALLEL_LISTS, key: (p, i) => `${plain(at(p.starts, i))}:${plain(at(p.ends, i))}` },
  {
    lists: ['evidence', 'evidenceDocs', 'evidenceTexts', 'evidenceStarts', 'evidenceEnds', 'evidenceConfidences'],
    key: (p, i) => `${plain(at(p.evidenceDocs, i))}|${plain(at(p.evidenceStarts, i))}|${plain(at(p.evidenceEnds, i))}`,
  },
];

function at(list: unknown, i: number): unknown {
  return Array.isArray(list) ? list[i] : undefined;
}

/** Unites each parallel group both sides hold; answers the united lists and the keys it took care of. */
function parallelUnion(existing: Props, incoming: Props): { lists: Props; handled: Set<string> } {
  const lists: Props = {};
  const handled = new Set<string>();
  for (const group of PARALLEL_GROUPS) {
    if (!group.lists.every((key) => Array.isArray(existing[key]) && Array.isArray(incoming[key]))) continue;
    for (const key of group.lists) {
      lists[key] = [...(existing[key] as unknown[])];
      handled.add(key);
    }
    const length = (existing[group.lists[0]] as unknown[]).length;
    const seen = new Set(Array.from({ length }, (_, i) => group.key(existing, i)));
    (incoming[group.lists[0]] as unknown[]).forEach((_, i) => {
      const key = group.key(incoming, i);
      if (seen.has(key)) return;
      seen.add(key);
      for (const list of group.lists) (lists[list] as unknown[]).push((incoming[list] as unknown[])[i]);
    });
  }
  return { lists, handled };
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
  const { lists, handled } = parallelUnion(existing, incoming);
  for (const [key, value] of Object.entries(incoming)) {
    if (handled.has(key)) continue;
    if (key === 'evidence' || key === 'evidenceJson' || key === 'mentions' || key === 'mentionsJson') {
      result[key] = key in existing ? unionJsonLists(existing[key], value) : value;
    } else if (key === 'confidence') {
      const a = numberOf(existing.confidence);
      const b = numberOf(value);
      if (a === null || (b !== null && b > a)) result.confidence = value;
    } else if (!(key in existing)) {
      result[key] = value;
    }
  }
  Object.assign(result, lists);
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

/**
 * Splits a mention-bearing property set by a test on each mention's text: what stays and what moves.
 * Handles one mention per relationship (`text`) and parallel lists (`starts`, `ends`, `texts`).
 */
export function partitionMentions(
  props: Props,
  moves: (text: string) => boolean,
): { keep: Props | null; move: Props | null } {
  if (PARALLEL_LISTS.every((key) => Array.isArray(props[key]))) {
    const keep: Props = { ...props, starts: [], ends: [], texts: [] };
    const move: Props = { ...props, starts: [], ends: [], texts: [] };
    (props.texts as unknown[]).forEach((text, i) => {
      const side = moves(String(text)) ? move : keep;
      for (const key of PARALLEL_LISTS) (side[key] as unknown[]).push((props[key] as unknown[])[i]);
    });
    return {
      keep: (keep.starts as unknown[]).length ? keep : null,
      move: (move.starts as unknown[]).length ? move : null,
    };
  }
  if (typeof props.text === 'string')
    return moves(props.text) ? { keep: null, move: props } : { keep: props, move: null };
  return { keep: props, move: null };
}

/** Splits a JSON list of mentions ({ text, … }) kept on an entity node by the same test. */
export function partitionMentionList(
  value: unknown,
  moves: (text: string) => boolean,
): { keep: unknown; move: unknown } | null {
  const list = readJsonList(value);
  if (!list) return null;
  const textOf = (entry: unknown) =>
    entry && typeof entry === 'object' ? String((entry as Record<string, unknown>).text ?? '') : '';
  return {
    keep: list.write(list.entries.filter((entry) => !moves(textOf(entry)))),
    move: list.write(list.entries.filter((entry) => moves(textOf(entry)))),
  };
}
