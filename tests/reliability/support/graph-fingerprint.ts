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
 * What two clean imports of the same files never share: `keys`, property keys left out (the time an import
 * ran); `labels`, nodes whose ids are drawn at random (the document log's), counted and digested without them.
 */
export interface Volatile {
  keys?: readonly string[];
  labels?: readonly string[];
}

export async function graphFingerprint(
  connection: Neo4jConnection,
  volatile: Volatile = {},
): Promise<GraphFingerprint> {
  const ignore = volatile.keys ?? [];
  const randomId = (labels: string[]) => labels.some((label) => volatile.labels?.includes(label));
  return inSession(connection, 'read', async (session) => {
    const nodes = await session.run('MATCH (n) RETURN labels(n) AS labels, n.id AS id, properties(n) AS p');
    const rels = await session.run(
      `MATCH (a)-[r]->(b) RETURN type(r) AS type, r.id AS id, a.id AS from, b.id AS to, labels(a) AS fromLabels,
       labels(b) AS toLabels, properties(r) AS p`,
    );
    const hash = createHash('sha256');
    const nodesByLabels: Record<string, number> = {};
    const nodeLines: string[] = [];
    const nodeIds: string[] = [];
    for (const record of nodes.records) {
      const labelList = record.get('labels') as string[];
      const labels = [...labelList].sort().join(':');
      nodesByLabels[labels] = (nodesByLabels[labels] ?? 0) + 1;
      const id = record.get('id') as string | null;
      const random = randomId(labelList);
      if (id !== null && !random) nodeIds.push(id);
      nodeLines.push(`${labels}|${stable(record.get('p'), random ? [...ignore, 'id'] : ignore)}`);
    }
    for (const line of nodeLines.sort()) hash.update(`${line}\n`);
    const relationshipsByType: Record<string, number> = {};
    const relationshipIds: string[] = [];
    const relLines: string[] = [];
    for (const record of rels.records) {
      const type = record.get('type') as string;
      relationshipsByType[type] = (relationshipsByType[type] ?? 0) + 1;
      const id = record.get('id') as string | null;
      if (id !== null) relationshipIds.push(id);
      const end = (key: 'from' | 'to') =>
        randomId(record.get(`${key}Labels`) as string[]) ? '(random id)' : String(record.get(key));
      relLines.push(`${type}|${end('from')}|${end('to')}|${stable(record.get('p'), ignore)}`);
    }
    // Sorted as text: nodes and relationships without an id of their own have no other order to go by.
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
