/**
 * Documents and mentions for the API: the document list, one document's text with the spans a reader
 * highlights, an entity's mentions with the sentence around each, and evidence with document titles.
 */
import type { Node } from 'neo4j-driver';
import type { DocumentDetails, DocumentSummary, EvidenceWithDocument, MentionWithDocument } from '../model/api-types';
import type { Evidence, Mention } from '../model/types';
import { NotFoundError } from '../errors';
import { pageAt } from '../model/pages';
import type { Neo4jConnection } from './connection';
import { toJson } from './cypher-values';
import { toNumber } from './driver-numbers';
import { inRead } from './transaction';
import { decodeKeptRanges, decodePageStarts } from './storage/document-codec';
import { decodeMentions } from './storage/mention-codec';

function readPageStarts(value: unknown): number[] | undefined {
  return decodePageStarts(toJson(value));
}

function optionalString(value: unknown): string | null {
  const json = toJson(value);
  return json === null ? null : String(json);
}

export function toDocumentSummary(node: Node): DocumentSummary {
  const p = node.properties;
  return {
    id: String(p.id),
    title: String(p.title ?? p.fileName ?? p.id),
    source: optionalString(p.source),
    url: optionalString(p.url),
    published: optionalString(p.published),
    path: String(p.path ?? ''),
    wordCount: toNumber(p.wordCount),
    ...(typeof p.format === 'string' ? { format: p.format } : {}),
    ...(Array.isArray(p.pageStarts) && p.pageStarts.length ? { pages: p.pageStarts.length } : {}),
    importedAt: optionalString(p.importedAt),
  };
}

/** The sentence that contains [start, end): from the previous sentence end (or line break) to the next. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !/[.!?\n]/.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !/[.!?\n]/.test(text[to])) to++;
  if (to < text.length && text[to] !== '\n') to++;
  return text.slice(from, to).trim();
}

interface StoredMention extends Mention {
  entityId: string;
  entityType: string;
  entityName: string;
}

/** The mentions one `(:Entity)-[:MENTIONED_IN]->(:Document)` holds (mention-codec.ts), with their entity. */
function mentionsFromRelationship(
  document: string,
  entity: Record<string, unknown>,
  props: Record<string, unknown>,
): StoredMention[] {
  const base = {
    entityId: String(entity.id),
    entityType: String(entity.type ?? ''),
    entityName: String(entity.name ?? entity.id),
  };
  return decodeMentions(document, props).map((mention) => ({ ...mention, ...base }));
}

export async function loadMentions(
  connection: Neo4jConnection,
  entityId: string,
  max = 200,
): Promise<MentionWithDocument[]> {
  const rows = await inRead(connection, async (tx) => {
    const result = await tx.run(
      `MATCH (e:Entity {id: $id})-[m:MENTIONED_IN]->(d:Document)
       RETURN d.id AS document, d.title AS title, d.published AS published, d.text AS text, d.pageStarts AS pageStarts,
              properties(m) AS props, properties(e) AS entity
       ORDER BY d.published DESC, d.title`,
      { id: entityId },
    );
    return result.records.map((r) => ({
      document: r.get('document') as string,
      title: String(r.get('title') ?? r.get('document')),
      published: optionalString(r.get('published')),
      text: String(r.get('text') ?? ''),
      pageStarts: readPageStarts(r.get('pageStarts')),
      props: r.get('props') as Record<string, unknown>,
      entity: r.get('entity') as Record<string, unknown>,
    }));
  });
  const mentions: MentionWithDocument[] = [];
  for (const row of rows) {
    for (const mention of mentionsFromRelationship(row.document, row.entity, row.props)) {
      if (mentions.length >= max) return mentions;
      mentions.push({
        document: mention.document,
        start: mention.start,
        end: mention.end,
        text: mention.text,
        documentTitle: row.title,
        documentPublished: row.published,
        sentence: sentenceAround(row.text, mention.start, mention.end),
        ...withPage(row.pageStarts, mention.start),
      });
    }
  }
  return mentions;
}

export async function readDocument(connection: Neo4jConnection, id: string): Promise<DocumentDetails> {
  return inRead(connection, async (tx) => {
    const result = await tx.run('MATCH (d:Document {id: $id}) RETURN d', { id });
    const node = result.records[0]?.get('d') as Node | undefined;
    if (!node) throw new NotFoundError(`No document with id "${id}"`, { details: { id } });
    const text = String(node.properties.text ?? '');
    const mentionRows = await tx.run(
      `MATCH (e:Entity)-[m:MENTIONED_IN]->(d:Document {id: $id})
       RETURN properties(m) AS props, properties(e) AS entity`,
      { id },
    );
    const mentions = mentionRows.records
      .flatMap((r) => mentionsFromRelationship(id, r.get('entity'), r.get('props')))
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .map(({ start, end, text: surface, entityId, entityType, entityName }) => ({
        start,
        end,
        text: surface,
        entityId,
        entityType,
        entityName,
      }));
    const pageStarts = readPageStarts(node.properties.pageStarts);
    return {
      ...toDocumentSummary(node),
      text,
      keptRanges: decodeKeptRanges(node.properties.keptRanges, text.length),
      ...(pageStarts ? { pageStarts } : {}),
      mentions,
    };
  });
}

export async function withDocumentTitles(
  connection: Neo4jConnection,
  evidence: Evidence[],
): Promise<EvidenceWithDocument[]> {
  if (evidence.length === 0) return [];
  const titles = await inRead(connection, async (tx) => {
    const result = await tx.run(
      'MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.title AS title, d.published AS published, d.pageStarts AS pageStarts',
      {
        ids: [...new Set(evidence.map((e) => e.document))],
      },
    );
    return new Map(
      result.records.map((r) => [
        r.get('id') as string,
        {
          title: String(r.get('title') ?? r.get('id')),
          published: optionalString(r.get('published')),
          pageStarts: readPageStarts(r.get('pageStarts')),
        },
      ]),
    );
  });
  return evidence.map((e) => ({
    ...e,
    documentTitle: titles.get(e.document)?.title ?? e.document,
    documentPublished: titles.get(e.document)?.published ?? null,
    ...withPage(titles.get(e.document)?.pageStarts, e.start),
  }));
}

function withPage(pageStarts: number[] | undefined, at: number): { page?: number } {
  const page = pageAt(pageStarts, at);
  return page === undefined ? {} : { page };
}

/** Whether a document with this id (that is, this content) is stored. */
export async function isDocumentStored(connection: Neo4jConnection, id: string): Promise<boolean> {
  return inRead(connection, async (tx) => {
    const result = await tx.run('RETURN EXISTS { MATCH (:Document {id: $id}) } AS stored', { id });
    return result.records[0].get('stored') === true;
  });
}
