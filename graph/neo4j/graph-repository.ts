/**
 * The read side of the graph for the API: stats, overview, search, node details, neighbours, paths,
 * edges. Parameterised Cypher only; every answer uses the shapes of model/api-types.ts. Documents and
 * mentions live in document-repository.ts.
 */
import type { ManagedTransaction, Node, Relationship } from 'neo4j-driver';
import type {
  EdgeDetails,
  GraphEdge,
  GraphNode,
  NeighborsResponse,
  NodeDetails,
  OverviewResponse,
  PathsResponse,
  SearchResponse,
  StatsResponse,
  Subgraph,
} from '../model/api-types';
import { foldForSearch } from '../model/names';
import { CO_OCCURS, RELATION_TYPES } from '../model/types';
import { NotFoundError } from '../errors';
import type { Neo4jConnection } from './connection';
import { nodeKey, toGraphEdge, toGraphNode, toJson } from './cypher-values';
import { loadMentions, withDocumentTitles } from './document-repository';
import { buildFulltextQueries } from './fulltext-query';
import { int, toNumber } from './driver-numbers';
import { inRead } from './transaction';
import { withReports } from './reported-dates';
import { FULLTEXT_INDEX } from './schema';
import { decodeEvidence, evidenceCount, evidenceCountCypher } from './storage/evidence-codec';
// Node details and neighbours leave document links out unless asked for by `relTypes`. (Workshop
// hypotheses are not in the graph at all: graph/workshop-store/.)
import { DOCUMENT_LINK_TYPES, MENTIONED_IN } from './storage/layout';

/** What the overview and paths walk: the fact relations of the model only. */
const FACT_TYPES: readonly string[] = RELATION_TYPES;

export async function readStats(connection: Neo4jConnection): Promise<StatsResponse> {
  return inRead(connection, async (tx) => {
    const labels = await tx.run('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label');
    const types = await tx.run('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type');
    const documents = await tx.run('MATCH (d:Document) RETURN count(d) AS documents, max(d.importedAt) AS lastImport');
    const lastImport = toJson(documents.records[0].get('lastImport'));
    return {
      labels: Object.fromEntries(labels.records.map((r) => [r.get('label') as string, toNumber(r.get('count'))])),
      relationshipTypes: Object.fromEntries(
        types.records.map((r) => [r.get('type') as string, toNumber(r.get('count'))]),
      ),
      documents: toNumber(documents.records[0].get('documents')),
      lastImport: lastImport === null ? null : String(lastImport),
    };
  });
}

/** Nodes and relationships in the API's shapes, each entity with when it was reported (reported-dates.ts). */
async function subgraphFrom(
  tx: ManagedTransaction,
  nodes: Array<{ node: Node; degree?: number }>,
  relationships: Relationship[],
): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
  const keys = new Map<string, string>();
  for (const { node } of nodes) keys.set(node.elementId, nodeKey(node));
  const keyOf = (elementId: string) => keys.get(elementId) ?? elementId;
  const seen = new Set<string>();
  const edges: GraphEdge[] = [];
  for (const rel of relationships) {
    if (seen.has(rel.elementId)) continue;
    seen.add(rel.elementId);
    edges.push(toGraphEdge(rel, keyOf));
  }
  return {
    nodes: await withReports(
      tx,
      nodes.map(({ node, degree }) => toGraphNode(node, degree)),
    ),
    edges,
  };
}

/** The most connected entities (fact relations only: no co-occurrence, document links or hypotheses) and the facts between them. */
export async function readOverview(connection: Neo4jConnection, limit: number): Promise<OverviewResponse> {
  return inRead(connection, async (tx) => {
    const facts = FACT_TYPES;
    const top = await tx.run(
      `MATCH (n:Entity)
       WITH n, COUNT { (n)-[r]-(:Entity) WHERE type(r) IN $facts } AS degree
       ORDER BY degree DESC, n.name ASC
       LIMIT $limit
       RETURN n, degree`,
      { facts, limit: int(limit) },
    );
    const nodes = top.records.map((r) => ({ node: r.get('n') as Node, degree: toNumber(r.get('degree')) }));
    const ids = nodes.map(({ node }) => node.elementId);
    const rels = await tx.run(
      `MATCH (a:Entity)-[r]->(b:Entity)
       WHERE elementId(a) IN $ids AND elementId(b) IN $ids AND type(r) IN $facts
       RETURN r`,
      { ids, facts },
    );
    const total = await tx.run('MATCH (n:Entity) RETURN count(n) AS total');
    const totalEntities = toNumber(total.records[0].get('total'));
    return {
      ...(await subgraphFrom(
        tx,
        nodes,
        rels.records.map((r) => r.get('r') as Relationship),
      )),
      truncated: totalEntities > nodes.length,
      totalEntities,
    };
  });
}

/**
 * The entities with the given ids and their facts with each other and with the entities `around` them
 * (what the client already shows), the other ends included: how a page loads a copied view's nodes, or
 * reloads what a curation touched. Fact relations only.
 */
export async function readSubgraph(
  connection: Neo4jConnection,
  ids: string[],
  around: string[] = [],
): Promise<Subgraph> {
  return inRead(connection, async (tx) => {
    const result = await tx.run(
      `UNWIND $ids AS id
       MATCH (n:Entity {id: id})
       OPTIONAL MATCH (n)-[r]-(m:Entity)
       WHERE type(r) IN $facts AND (m.id IN $ids OR m.id IN $around)
       RETURN n, collect(r) AS rels, collect(m) AS others`,
      { ids, around, facts: FACT_TYPES },
    );
    const nodes = new Map<string, Node>();
    const relationships: Relationship[] = [];
    for (const record of result.records) {
      const n = record.get('n') as Node;
      nodes.set(n.elementId, n);
      for (const m of record.get('others') as Node[]) nodes.set(m.elementId, m);
      relationships.push(...(record.get('rels') as Relationship[]));
    }
    return subgraphFrom(
      tx,
      [...nodes.values()].map((node) => ({ node })),
      relationships,
    );
  });
}

/**
 * Full-text candidates (escaped exact and prefix terms, see fulltext-query.ts) plus entities whose name or an
 * alias equals the input once folded (the index scores long alias lists low, and analyses "U.S." apart from
 * "US"). Ranked: exact name or alias first, then names that start with the input, then the Lucene score. Only
 * when that finds nothing are typos tried (fuzzy terms), the costly part of a search.
 */
export async function searchEntities(
  connection: Neo4jConnection,
  q: string,
  types: string[],
  limit: number,
): Promise<SearchResponse> {
  const queries = buildFulltextQueries(q);
  if (!queries) return { query: q, hits: [] }; // nothing but punctuation: nothing to find
  const folded = foldForSearch(q);
  return inRead(connection, async (tx) => {
    const search = { folded, types, limit };
    let hits = await rankedHits(tx, { ...search, lucene: queries.strict, exact: true });
    // the exact-name scan found nothing of these types the first time: the retry leaves it out
    if (hits.length === 0 && queries.fuzzy)
      hits = await rankedHits(tx, { ...search, lucene: queries.fuzzy, exact: false });
    return { query: q, hits };
  });
}

async function rankedHits(
  tx: ManagedTransaction,
  search: { lucene: string; folded: string; types: string[]; limit: number; exact: boolean },
): Promise<SearchResponse['hits']> {
  const { lucene, folded, types, limit, exact } = search;
  const result = await tx.run(
    `CALL () {
       CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $candidates}) YIELD node, score
       RETURN node, score
       UNION
       MATCH (node:Entity)
       WHERE $exact AND size($folded) <= 60
         AND (replace(toLower(node.name), '.', '') = $folded OR any(a IN coalesce(node.aliases, []) WHERE replace(toLower(a), '.', '') = $folded))
       RETURN node, 0.0 AS score
     }
     WITH node, max(score) AS score
     WHERE size($types) = 0 OR node.type IN $types OR any(label IN labels(node) WHERE label IN $types)
     WITH node, score,
          replace(toLower(node.name), '.', '') AS name,
          [a IN coalesce(node.aliases, []) | replace(toLower(a), '.', '')] AS aliases
     RETURN node, score
     ORDER BY (name = $folded OR $folded IN aliases) DESC, name STARTS WITH $folded DESC, score DESC, size(node.name) ASC
     LIMIT $limit`,
    {
      index: FULLTEXT_INDEX,
      lucene,
      folded,
      exact,
      types,
      candidates: int(Math.max(limit * 4, 50)),
      limit: int(limit),
    },
  );
  return result.records.map((r) => {
    const node = toGraphNode(r.get('node') as Node);
    return {
      id: node.id,
      type: node.type,
      name: node.name,
      aliases: node.aliases ?? [],
      score: r.get('score') as number,
    };
  });
}

async function findNode(tx: ManagedTransaction, id: string): Promise<Node | null> {
  const result = await tx.run(
    `CALL () { MATCH (n:Entity {id: $id}) RETURN n UNION MATCH (n:Document {id: $id}) RETURN n } RETURN n LIMIT 1`,
    { id },
  );
  return (result.records[0]?.get('n') as Node | undefined) ?? null;
}

const RELATIONS_LISTED = 500;

export async function readNodeDetails(connection: Neo4jConnection, id: string): Promise<NodeDetails> {
  const { found, node, counts, relations } = await inRead(connection, async (tx) => {
    const found = await findNode(tx, id);
    if (!found) throw new NotFoundError(`No node with id "${id}"`, { details: { id } });
    const countResult = await tx.run(
      `MATCH (n)-[r]-() WHERE elementId(n) = $elementId AND NOT type(r) IN $links
       RETURN type(r) AS type, count(r) AS count`,
      { elementId: found.elementId, links: DOCUMENT_LINK_TYPES },
    );
    const relationResult = await tx.run(
      `MATCH (n)-[r]-(m) WHERE elementId(n) = $elementId AND NOT type(r) IN $links
       RETURN r, m, startNode(r) = n AS out
       ORDER BY type(r), m.name
       LIMIT $max`,
      { elementId: found.elementId, links: DOCUMENT_LINK_TYPES, max: int(RELATIONS_LISTED) },
    );
    const counts = Object.fromEntries(
      countResult.records.map((r) => [r.get('type') as string, toNumber(r.get('count'))]),
    );
    const degree = Object.values(counts).reduce((a, b) => a + b, 0);
    const [node] = await withReports(tx, [toGraphNode(found, degree)]);
    return { found, node, counts, relations: relationResult.records };
  });
  const mentions = await loadMentions(connection, nodeKey(found));
  return {
    node,
    relationCounts: counts,
    relations: relations.map((record) => {
      const rel = record.get('r') as Relationship;
      const other = toGraphNode(record.get('m') as Node);
      return {
        id: (typeof rel.properties.id === 'string' && rel.properties.id) || rel.elementId,
        type: rel.type,
        direction: record.get('out') ? ('out' as const) : ('in' as const),
        other: { id: other.id, type: other.type, name: other.name },
        evidenceCount: evidenceCount(rel.properties),
      };
    }),
    mentions,
  };
}

export interface NeighborOptions {
  relTypes: string[];
  types: string[];
  limit: number;
}

/**
 * One hop around an entity. The total is always counted; above `limit` the most relevant neighbours
 * are kept: most relations with the centre first, then most evidence, then the best connected.
 */
export async function readNeighbors(
  connection: Neo4jConnection,
  id: string,
  options: NeighborOptions,
): Promise<NeighborsResponse> {
  return inRead(connection, async (tx) => {
    const center = await findNode(tx, id);
    if (!center) throw new NotFoundError(`No node with id "${id}"`, { details: { id } });
    const params = {
      elementId: center.elementId,
      relTypes: options.relTypes,
      types: options.types,
      links: DOCUMENT_LINK_TYPES,
      limit: int(options.limit),
    };
    const filter = `WHERE elementId(c) = $elementId AND m <> c
         AND (size($relTypes) = 0 OR type(r) IN $relTypes)
         AND (size($relTypes) > 0 OR NOT type(r) IN $links)
         AND (size($types) = 0 OR m.type IN $types OR any(label IN labels(m) WHERE label IN $types))`;
    const totals = await tx.run(
      `MATCH (c)-[r]-(m) ${filter}
       WITH DISTINCT m
       RETURN coalesce(m.type, head([label IN labels(m) WHERE label <> 'Entity'])) AS type, count(m) AS count`,
      params,
    );
    const countsByType = Object.fromEntries(
      totals.records.map((r) => [String(r.get('type')), toNumber(r.get('count'))]),
    );
    const total = Object.values(countsByType).reduce((a, b) => a + b, 0);
    const top = await tx.run(
      `MATCH (c)-[r]-(m) ${filter}
       WITH m, collect(r) AS rels
       WITH m, rels, size(rels) AS links,
            reduce(s = 0, x IN rels | s + ${evidenceCountCypher('x')}) AS weight,
            COUNT { (m)--() } AS degree
       ORDER BY links DESC, weight DESC, degree DESC, m.name ASC
       LIMIT $limit
       RETURN m, rels, degree`,
      params,
    );
    const nodes: Array<{ node: Node; degree?: number }> = [{ node: center }];
    const rels: Relationship[] = [];
    for (const record of top.records) {
      nodes.push({ node: record.get('m') as Node, degree: toNumber(record.get('degree')) });
      rels.push(...(record.get('rels') as Relationship[]));
    }
    return {
      ...(await subgraphFrom(tx, nodes, rels)),
      center: nodeKey(center),
      total,
      returned: top.records.length,
      truncated: total > top.records.length,
      countsByType,
    };
  });
}

/** Constant query texts, one per hop count: a variable-length bound cannot be a parameter. */
export const MAX_PATH_HOPS = 6;
const PATH_QUERIES: readonly string[] = Array.from(
  { length: MAX_PATH_HOPS + 1 },
  (_, hops) =>
    `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
     MATCH p = allShortestPaths((a)-[*..${hops}]-(b))
     WHERE all(n IN nodes(p) WHERE n:Entity OR ($documents AND n:Document))
       AND all(r IN relationships(p) WHERE type(r) IN $types)
     RETURN p LIMIT $limit`,
);

export interface PathOptions {
  /** Fact types to follow; empty: every fact type. */
  relTypes?: readonly string[];
  /** Also through the documents that name both ends, and co-occurrence. */
  throughDocuments?: boolean;
}

export async function readPaths(
  connection: Neo4jConnection,
  from: string,
  to: string,
  maxHops: number,
  limit = 25,
  options: PathOptions = {},
): Promise<PathsResponse> {
  const facts = options.relTypes?.length ? FACT_TYPES.filter((t) => options.relTypes!.includes(t)) : FACT_TYPES;
  const types = options.throughDocuments ? [...facts, MENTIONED_IN, CO_OCCURS] : facts;
  return inRead(connection, async (tx) => {
    const ends = await tx.run('MATCH (n:Entity) WHERE n.id IN [$from, $to] RETURN n.id AS id', { from, to });
    const found = new Set(ends.records.map((r) => r.get('id') as string));
    for (const [field, id] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (!found.has(id)) throw new NotFoundError(`No entity with id "${id}" (${field})`, { details: { field, id } });
    }
    if (from === to) return { nodes: [], edges: [], paths: [] };
    const result = await tx.run(PATH_QUERIES[Math.min(Math.max(maxHops, 1), MAX_PATH_HOPS)], {
      from,
      to,
      types,
      documents: options.throughDocuments === true,
      limit: int(limit),
    });
    const nodes = new Map<string, Node>();
    const rels: Relationship[] = [];
    const paths: PathsResponse['paths'] = [];
    for (const record of result.records) {
      const path = record.get('p') as import('neo4j-driver').Path;
      const pathNodes = [path.start, ...path.segments.map((s) => s.end)];
      for (const node of pathNodes) nodes.set(node.elementId, node);
      rels.push(...path.segments.map((s) => s.relationship));
      paths.push({
        nodes: pathNodes.map(nodeKey),
        edges: path.segments.map(
          (s) =>
            (typeof s.relationship.properties.id === 'string' && s.relationship.properties.id) ||
            s.relationship.elementId,
        ),
      });
    }
    return {
      ...(await subgraphFrom(
        tx,
        [...nodes.values()].map((node) => ({ node })),
        rels,
      )),
      paths,
    };
  });
}

export async function readEdgeDetails(connection: Neo4jConnection, id: string): Promise<EdgeDetails> {
  const found = await inRead(connection, async (tx) => {
    const result = await tx.run(
      `MATCH (a)-[r]->(b) WHERE r.id = $id OR elementId(r) = $id
       RETURN a, r, b LIMIT 1`,
      { id },
    );
    const record = result.records[0];
    if (!record) throw new NotFoundError(`No relation with id "${id}"`, { details: { id } });
    return { a: record.get('a') as Node, r: record.get('r') as Relationship, b: record.get('b') as Node };
  });
  const source = toGraphNode(found.a);
  const target = toGraphNode(found.b);
  const keyOf = (elementId: string) => (elementId === found.a.elementId ? source.id : target.id);
  return {
    edge: toGraphEdge(found.r, keyOf),
    source,
    target,
    evidence: await withDocumentTitles(
      connection,
      decodeEvidence(found.r.properties).map(({ document, text, start, end }) => ({ document, text, start, end })),
    ),
  };
}
