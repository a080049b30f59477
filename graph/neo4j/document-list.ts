/**
 * The documents list: each document's metadata with what it contributes to the graph now — the entities it
 * mentions and the facts that hold its evidence. Facts are counted in one pass over the relationships that
 * carry evidence, grouped by document, rather than one scan per listed document.
 */
import type { Node } from 'neo4j-driver';
import type { DocumentListResponse } from '../model/api-types';
import type { Neo4jConnection } from './connection';
import { toDocumentSummary } from './document-repository';
import { int, toNumber } from './driver-numbers';
import { inRead } from './transaction';

export async function listDocuments(
  connection: Neo4jConnection,
  limit: number,
  offset: number,
): Promise<DocumentListResponse> {
  return inRead(connection, async (tx) => {
    const result = await tx.run(
      `MATCH (d:Document)
       WITH d ORDER BY d.published DESC, d.title ASC SKIP $offset LIMIT $limit
       RETURN d { .id, .title, .fileName, .source, .url, .published, .path, .wordCount, .format, .pageStarts,
                  .importedAt } AS d,
              COUNT { (:Entity)-[:MENTIONED_IN]->(d) } AS entities`,
      { offset: int(offset), limit: int(limit) },
    );
    const ids = result.records.map((r) => String((r.get('d') as Record<string, unknown>).id));
    const facts = await tx.run(
      `MATCH (:Entity)-[r]->(:Entity) WHERE r.evidenceDocs IS NOT NULL
       UNWIND r.evidenceDocs AS doc
       WITH DISTINCT doc, r WHERE doc IN $ids
       RETURN doc, count(r) AS facts`,
      { ids },
    );
    const factCount = new Map(facts.records.map((r) => [String(r.get('doc')), toNumber(r.get('facts'))]));
    const total = await tx.run('MATCH (d:Document) RETURN count(d) AS total');
    return {
      documents: result.records.map((r) => {
        const summary = toDocumentSummary({ properties: r.get('d') } as Node);
        return {
          ...summary,
          entityCount: toNumber(r.get('entities')),
          relationCount: factCount.get(summary.id) ?? 0,
        };
      }),
      total: toNumber(total.records[0].get('total')),
    };
  });
}
