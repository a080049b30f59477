/**
 * When each entity was reported: the published dates of the documents that mention it, and how many
 * documents those are. Read in one query per answer, beside the nodes of an overview, subgraph, neighbour
 * or path answer, so the client's "reported" timeline and the table's sources column need no request of
 * their own.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { GraphNode } from '../model/api-types';
import { toNumber } from './driver-numbers';
import { DOCUMENT_LABEL, ENTITY_LABEL, MENTIONED_IN } from './storage/layout';

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD" from a stored published value (a time of day, if any, left out). */
export function reportedDate(published: unknown): string | null {
  if (typeof published !== 'string') return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(published.trim());
  return match ? [match[1], match[2], match[3]].filter(Boolean).join('-') : null;
}

/** Sets `sources` and `reported` on every entity among the nodes (a Document node is its own report). */
export async function withReports(tx: ManagedTransaction, nodes: GraphNode[]): Promise<GraphNode[]> {
  const entityIds = nodes.filter((n) => n.type !== DOCUMENT_LABEL).map((n) => n.id);
  const reports = new Map<string, { sources: number; published: unknown[] }>();
  if (entityIds.length) {
    const result = await tx.run(
      `UNWIND $ids AS id
       MATCH (n:${ENTITY_LABEL} {id: id})
       OPTIONAL MATCH (n)-[:${MENTIONED_IN}]->(d:${DOCUMENT_LABEL})
       RETURN id, count(DISTINCT d) AS sources, collect(DISTINCT d.published) AS published`,
      { ids: entityIds },
    );
    for (const record of result.records)
      reports.set(record.get('id') as string, {
        sources: toNumber(record.get('sources')),
        published: record.get('published') as unknown[],
      });
  }
  return nodes.map((node) => {
    if (node.type === DOCUMENT_LABEL) {
      const date = reportedDate(node.attributes.published);
      return { ...node, reported: date ? [date] : [] };
    }
    const report = reports.get(node.id);
    if (!report) return node;
    const dates = report.published.map(reportedDate).filter((d): d is string => d !== null);
    return { ...node, sources: report.sources, reported: [...new Set(dates)].sort() };
  });
}
