/**
 * What a database holds, in a form two databases can be compared by: nodes by label set, relationships by
 * type, the ids of nodes and relationships, and a digest of every property. Two imports of the same files
 * must give equal fingerprints whatever happened in between (a kill, a retry); a database no write reached
 * keeps its fingerprint.
 */
import { createHash } from 'node:crypto';
import type { Neo4jConnection } from '../../../graph/neo4j/connection';
import { inSession } from '../../../graph/neo4j/transaction';

export interface GraphFingerprint {
  nodesByLabels: Record<string, number>;
  relationshipsByType: Record<string, number>;
  nodeIds: string[];
  relationshipIds: string[];
  /** sha256 over every node's labels and properties and every relationship's type, ends and properties. */
  digest: string;
}

/**
 * `ignore`: property keys left out of the digest, such as the time an import ran, which two clean imports
 * of the same files never share.
 */
export async function graphFingerprint(
  connection: Neo4jConnection,
  ignore: readonly string[] = [],
): Promise<GraphFingerprint> {
  return inSession(connection, 'read', async (session) => {
    const nodes = await session.run(
      'MATCH (n) RETURN labels(n) AS labels, n.id AS id, properties(n) AS p ORDER BY n.id, elementId(n)',
    );
    const rels = await session.run(
      `MATCH (a)-[r]->(b) RETURN type(r) AS type, r.id AS id, a.id AS from, b.id AS to, properties(r) AS p
       ORDER BY type, from, to, id`,
    );
    const hash = createHash('sha256');
    const nodesByLabels: Record<string, number> = {};
    const nodeIds: string[] = [];
    for (const record of nodes.records) {
      const labels = (record.get('labels') as string[]).sort().join(':');
      nodesByLabels[labels] = (nodesByLabels[labels] ?? 0) + 1;
      const id = record.get('id') as string | null;
      if (id !== null) nodeIds.push(id);
      hash.update(`${labels}|${stable(record.get('p'), ignore)}\n`);
    }
    const relationshipsByType: Record<string, number> = {};
    const relationshipIds: string[] = [];
    const relLines: string[] = [];
    for (const record of rels.records) {
      const type = record.get('type') as string;
      relationshipsByType[type] = (relationshipsByType[type] ?? 0) + 1;
      const id = record.get('id') as string | null;
      if (id !== null) relationshipIds.push(id);
      relLines.push(`${type}|${record.get('from')}|${record.get('to')}|${stable(record.get('p'), ignore)}`);
    }
    // Relationships without an id (MENTIONED_IN) share their sort key: sort the lines themselves.
    for (const line of relLines.sort()) hash.update(`${line}\n`);
    return {
      nodesByLabels,
      relationshipsByType,
      nodeIds: nodeIds.sort(),
      relationshipIds: relationshipIds.sort(),
      digest: hash.digest('hex'),
    };
  });
}

/** JSON with sorted keys, driver integers as numbers and the ignored keys left out. */
function stable(value: unknown, ignore: readonly string[]): string {
  return JSON.stringify(value, (key, item: unknown) => {
    if (ignore.includes(key)) return undefined;
    if (item && typeof item === 'object' && 'toNumber' in item && typeof item.toNumber === 'function')
      return (item as { toNumber(): number }).toNumber();
    if (item && typeof item === 'object' && !Array.isArray(item))
      return Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return item;
  });
}
