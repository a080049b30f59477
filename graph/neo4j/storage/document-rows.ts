/**
 * One extracted document as the rows the write statements take (store-document.ts): the document node,
 * its entities, its mentions (one row per entity it mentions) and its facts with the evidence it
 * contributes, each encoded by its codec. Labels and relationship types pick the statement a row goes
 * to (one per type, their names spliced into the Cypher), so they are checked here, before anything is sent.
 */
import { InvalidInputError } from '../../errors';
import { orientRelation } from '../../model/ids';
import { ENTITY_TYPES, RELATION_TYPES, type ExtractedDocument } from '../../model/types';
import { encodeDocument } from './document-codec';
import { withDriverIntegers } from './driver-values';
import { encodeEntity, storedAttributes } from './entity-codec';
import { encodeEvidence } from './evidence-codec';
import { encodeMentions } from './mention-codec';

export interface DocumentRows {
  documentId: string;
  path: string;
  document: Record<string, unknown>;
  entities: Array<Record<string, unknown>>;
  mentions: Array<Record<string, unknown>>;
  facts: Array<FactRow>;
}

export interface FactRow {
  id: string;
  type: string;
  source: string;
  target: string;
  attributes: Record<string, unknown>;
  evidence: Record<string, unknown>;
}

const ENTITY_TYPE_SET: ReadonlySet<string> = new Set(ENTITY_TYPES);
const RELATION_TYPE_SET: ReadonlySet<string> = new Set(RELATION_TYPES);

export function documentRows({ document, entities, relations }: ExtractedDocument): DocumentRows {
  for (const e of entities)
    if (!ENTITY_TYPE_SET.has(e.type))
      throw new InvalidInputError(`storeDocument: unknown entity type "${e.type}" (entity "${e.id}")`, {
        details: { entity: e.id, type: e.type },
      });
  for (const r of relations)
    if (!RELATION_TYPE_SET.has(r.type))
      throw new InvalidInputError(`storeDocument: unknown relation type "${r.type}" (relation "${r.id}")`, {
        details: { relation: r.id, type: r.type },
      });
  const mentions = [];
  for (const e of entities) {
    const own = e.mentions.filter((m) => m.document === document.id);
    if (own.length > 0) mentions.push({ entity: e.id, ...withDriverIntegers(encodeMentions(own)) });
  }
  return {
    documentId: document.id,
    path: document.path,
    document: withDriverIntegers(encodeDocument(document)),
    entities: entities.map(encodeEntity) as unknown as Array<Record<string, unknown>>,
    mentions,
    facts: relations.map((r) => {
      const [source, target] = orientRelation(r.type, r.source, r.target);
      const own = r.evidence.filter((e) => e.document === document.id);
      return {
        id: r.id,
        type: r.type,
        source,
        target,
        attributes: storedAttributes(r.attributes),
        evidence: withDriverIntegers(encodeEvidence(own.map((e) => ({ ...e, confidence: r.confidence })))),
      };
    }),
  };
}
