/**
 * The documents list: each document's metadata with what it contributes to the graph now — the entities it
 * mentions and the facts that hold its evidence. A listed document's facts are found from the entities it
 * mentions, over their own relationships only: a fact's evidence from a document is a sentence of it that
 * names both ends, so both are mentioned there (the importer links every entity it recognises, a merge moves
 * the merged entity's mentions and facts to the survivor together, a reversal swaps ends that are both
 * mentioned). Counting them by scanning every fact of the database, as before, cost a read of every fact
 * relationship for each page of the list, whatever its size.
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
              COUNT { (:Entity)-[:MENTIONED_IN]->(d) } AS entities,
              COUNT {
                MATCH (e:Entity)-[:MENTIONED_IN]->(d)
                MATCH (e)-[r]-(:Entity)
                WHERE d.id IN r.evidenceDocs
                RETURN DISTINCT r
              } AS facts,
              COUNT { (:Document) } AS total`,
      { offset: int(offset), limit: int(limit) },
    );
    return {
      documents: result.records.map((r) => {
        const summary = toDocumentSummary({ properties: r.get('d') } as Node);
        return {
          ...summary,
          entityCount: toNumber(r.get('entities')),
          relationCount: toNumber(r.get('facts')),
        };
      }),
      total: result.records.length
        ? toNumber(result.records[0].get('total'))
        : toNumber((await tx.run('MATCH (d:Document) RETURN count(d) AS total')).records[0].get('total')),
    };
  });
}
