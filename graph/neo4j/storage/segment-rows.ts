/**
 * The rows of a run of documents written with one statement (store-document.ts), combined as storing them
 * one after the other would leave the graph: an entity found in several of them is one row (its name and
 * type from the first, attributes of the later ones winning, aliases united in order), a fact stated in
 * several is one row with their evidence in document order, and a fact whose end no earlier document of
 * the run and nothing stored before it holds is left out, as that document's own write would have found
 * no end to attach it to. Rows are grouped by label and relationship type, so that the statement names
 * each one and Neo4j can plan every MERGE on its own type.
 */
import { ENTITY_TYPES, RELATION_TYPES } from '../../model/types';
import type { DocumentRows, FactRow } from './document-rows';
import { EVIDENCE_LISTS } from './evidence-codec';

export interface SegmentRows {
  documents: Array<Record<string, unknown>>;
  mentions: Array<Record<string, unknown>>;
  entities: Record<string, Array<Record<string, unknown>>>;
  facts: Record<string, Array<Record<string, unknown>>>;
}

/** Fact ends that a document of the run needs but that no earlier document of the run holds. */
export function endsToLookUp(run: readonly DocumentRows[]): string[] {
  const known = new Set<string>();
  const needed = new Set<string>();
  for (const rows of run) {
    for (const e of rows.entities) known.add(String(e.id));
    for (const f of rows.facts) for (const end of [f.source, f.target]) if (!known.has(end)) needed.add(end);
  }
  return [...needed];
}

/** `stored`: which of `endsToLookUp(run)` were in the database when the run started. */
export function segmentRows(run: readonly DocumentRows[], stored: ReadonlySet<string>): SegmentRows {
  const entities = new Map<string, Record<string, unknown>>();
  const facts = new Map<string, FactRow>();
  const mentions: Array<Record<string, unknown>> = [];
  const known = new Set(stored);
  for (const rows of run) {
    for (const e of rows.entities) {
      const id = String(e.id);
      known.add(id);
      const seen = entities.get(id);
      if (!seen) {
        entities.set(id, { ...e, aliases: [...(e.aliases as string[])], attributes: { ...(e.attributes as object) } });
        continue;
      }
      Object.assign(seen.attributes as object, e.attributes);
      (seen.aliases as string[]).push(...(e.aliases as string[]));
    }
    for (const m of rows.mentions) mentions.push({ ...m, document: rows.documentId });
    for (const f of rows.facts) {
      if (!known.has(f.source) || !known.has(f.target)) continue;
      const seen = facts.get(f.id);
      if (!seen) {
        facts.set(f.id, { ...f, attributes: { ...f.attributes }, evidence: { ...f.evidence } });
        continue;
      }
      Object.assign(seen.attributes, f.attributes);
      for (const list of EVIDENCE_LISTS)
        seen.evidence[list] = [...(seen.evidence[list] as unknown[]), ...(f.evidence[list] as unknown[])];
    }
  }
  const byType = <T extends { type: unknown }>(items: Iterable<T>, types: readonly string[]) => {
    const grouped: Record<string, T[]> = Object.fromEntries(types.map((type) => [type, []]));
    for (const item of items) grouped[String(item.type)].push(item);
    return grouped;
  };
  return {
    documents: run.map((rows) => rows.document),
    mentions,
    entities: byType(entities.values() as Iterable<Record<string, unknown> & { type: unknown }>, ENTITY_TYPES),
    facts: byType(facts.values(), RELATION_TYPES) as unknown as Record<string, Array<Record<string, unknown>>>,
  };
}
