/**
 * Builds the graphology graph the export writers take (graph/export/attributes.ts conventions) from
 * Neo4j: a set of node ids with the relationships among them, or the graph a read-only query returns.
 */
import { MultiDirectedGraph } from 'graphology';
import type { Node, Relationship } from 'neo4j-driver';
import { NotFoundError } from '../errors';
import type { TruncatedReason } from '../model/api-types';
import { isSecretProperty } from '../workshop/secrets';
import type { Neo4jConnection } from './connection';
import { nodeKey, nodeType, relationshipKey, toJson } from './cypher-values';
import { inRead } from './transaction';
import { decodeEvidence, hasEvidence, isEvidenceProperty } from './storage/evidence-codec';
import { executeUserCypher, type UserCypherOptions } from './user-cypher';

export function graphFromNeo4j(nodes: Iterable<Node>, relationships: Iterable<Relationship>): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  const keys = new Map<string, string>();
  for (const node of nodes) {
    const key = nodeKey(node);
    keys.set(node.elementId, key);
    if (graph.hasNode(key)) continue;
    const attributes: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(node.properties))
      if (name !== 'id' && !isSecretProperty(name)) attributes[name] = toJson(value);
    attributes.type = nodeType(node);
    attributes.name =
      typeof attributes.name === 'string'
        ? attributes.name
        : typeof attributes.title === 'string'
          ? attributes.title
          : key;
    attributes.labels = [...node.labels];
    graph.addNode(key, attributes);
  }
  for (const rel of relationships) {
    const source = keys.get(rel.startNodeElementId);
    const target = keys.get(rel.endNodeElementId);
    const key = relationshipKey(rel);
    if (!source || !target || graph.hasEdge(key)) continue;
    const attributes: Record<string, unknown> = {};
    // Evidence becomes one list of objects { document, text, start, end, confidence } (evidence-codec.ts).
    for (const [name, value] of Object.entries(rel.properties))
      if (name !== 'id' && !isEvidenceProperty(name) && !isSecretProperty(name)) attributes[name] = toJson(value);
    attributes.type = rel.type;
    if (hasEvidence(rel.properties)) attributes.evidence = decodeEvidence(rel.properties);
    graph.addEdgeWithKey(key, source, target, attributes);
  }
  return graph;
}

/** The nodes with these ids (entities or documents) and every relationship among them. */
export async function loadSubgraphByIds(connection: Neo4jConnection, ids: string[]): Promise<MultiDirectedGraph> {
  const { nodes, relationships } = await inRead(connection, async (tx) => {
    const found = await tx.run(
      `CALL () { MATCH (n:Entity) WHERE n.id IN $ids RETURN n UNION MATCH (n:Document) WHERE n.id IN $ids RETURN n } RETURN n`,
      { ids },
    );
    const nodes = found.records.map((r) => r.get('n') as Node);
    const known = new Set(nodes.map(nodeKey));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new NotFoundError(
        `No node with id ${unknown
          .slice(0, 5)
          .map((id) => `"${id}"`)
          .join(', ')}${unknown.length > 5 ? ` (and ${unknown.length - 5} more)` : ''}`,
        {
          details: { unknown: unknown.slice(0, 100) },
        },
      );
    }
    const elementIds = nodes.map((n) => n.elementId);
    const rels = await tx.run(
      `MATCH (a)-[r]->(b) WHERE elementId(a) IN $elementIds AND elementId(b) IN $elementIds RETURN r`,
      { elementIds },
    );
    return { nodes, relationships: rels.records.map((r) => r.get('r') as Relationship) };
  });
  return graphFromNeo4j(nodes, relationships);
}

/** The graph found anywhere in the records of a read-only user query (same guard, timeout and cap). */
export async function loadSubgraphByQuery(
  connection: Neo4jConnection,
  query: string,
  params: Record<string, unknown>,
  options: UserCypherOptions,
): Promise<{ graph: MultiDirectedGraph; truncated: boolean; truncatedReason?: TruncatedReason }> {
  const { collector, truncated, truncatedReason } = await executeUserCypher(connection, query, params, options);
  return {
    graph: graphFromNeo4j(collector.nodes.values(), collector.relationships.values()),
    truncated,
    truncatedReason,
  };
}
