/**
 * A Cypher script, streamed, that recreates the subgraph in another database: the id constraints, then nodes and
 * relationships in batches of `UNWIND [literal rows] … MERGE … SET += props`, one statement per line
 * group, each ending with `;` (runs with `cypher-shell -f`, or statement by statement). Values are
 * written as Cypher literals, never spliced unescaped; evidence is stored the way the importer stores it
 * (graph/neo4j/storage/evidence-codec.ts), other structured values as JSON text.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { ENTITY_TYPES } from '../model/types';
import { encodeEvidence, type StoredEvidence } from '../neo4j/storage/evidence-codec';
import { FLOAT_PROPERTIES } from '../neo4j/storage/layout';
import type { ChunkedText } from './chunked-text';

const BATCH = 500;
const ENTITY_TYPE_SET = new Set<string>(ENTITY_TYPES);

const NEEDS_ESCAPE = /[\\'\u0000-\u001f\u2028\u2029]/;

export function cypherString(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `'${text}'`;
  const escaped = text.replace(/[\\'\u0000-\u001f\u2028\u2029]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === "'") return "\\'";
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `'${escaped}'`;
}

export function cypherName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

function isScalar(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

/** A property value as a Cypher literal: scalars and homogeneous scalar lists as such, the rest as JSON text. */
export function cypherValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every(isScalar) && new Set(value.map((item) => typeof item)).size <= 1) {
    return `[${value.map((item) => cypherValue(item)).join(', ')}]`;
  }
  return cypherString(JSON.stringify(value));
}

function floatLiteral(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value))
    return Number.isInteger(value) ? value.toFixed(1) : String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'number'))
    return `[${value.map(floatLiteral).join(', ')}]`;
  return cypherValue(value);
}

/** A graph edge's `evidence` (objects, graph/export/attributes.ts) as the importer stores it. */
export function storedEdgeProperties(attributes: Attributes): Attributes {
  const { evidence, ...rest } = attributes;
  if (!Array.isArray(evidence)) return rest;
  const fallback = typeof rest.confidence === 'number' ? rest.confidence : 1;
  const entries: StoredEvidence[] = evidence
    .filter((e) => !!e && typeof e === 'object' && typeof e.document === 'string' && typeof e.text === 'string')
    .map((e) => ({
      document: e.document,
      text: e.text,
      start: e.start,
      end: e.end,
      confidence: typeof e.confidence === 'number' ? e.confidence : fallback,
    }));
  return { ...rest, ...encodeEvidence(entries) };
}

function mapLiteral(properties: Attributes): string {
  const entries: string[] = [];
  for (const [name, value] of Object.entries(properties)) {
    const literal = FLOAT_PROPERTIES.has(name) ? floatLiteral(value) : cypherValue(value);
    if (literal !== null) entries.push(`${cypherName(name)}: ${literal}`);
  }
  return `{${entries.join(', ')}}`;
}

/** Neo4j labels for a node: its `labels` attribute when known, else derived from its `type`. */
export function labelsOf(attributes: Attributes): string[] {
  if (Array.isArray(attributes.labels) && attributes.labels.length > 0) return attributes.labels.map(String);
  const type = typeof attributes.type === 'string' ? attributes.type : 'Node';
  if (ENTITY_TYPE_SET.has(type)) return ['Entity', type];
  return [type];
}

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

export async function writeCypherScript(graph: Graph, out: ChunkedText): Promise<void> {
  out.write(
    `// Dossier export: ${graph.order} nodes, ${graph.size} relationships. Run with: cypher-shell -f <this file>\n` +
      'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n' +
      'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;\n',
  );
  const primaryLabel = new Map<string, string>();
  const nodeGroups = new Map<string, string[]>();
  for (const { node, attributes } of graph.nodeEntries()) {
    const labels = labelsOf(attributes);
    primaryLabel.set(node, labels[0]);
    const group = labels.join(':');
    if (!nodeGroups.has(group)) nodeGroups.set(group, []);
    nodeGroups.get(group)!.push(node);
  }
  for (const [group, nodes] of nodeGroups) {
    const [first, ...rest] = group.split(':');
    const extra = rest.map((label) => `, n:${cypherName(label)}`).join('');
    for (const batch of batches(nodes)) {
      const literal = batch
        .map((node) => {
          const { labels: _labels, ...props } = graph.getNodeAttributes(node);
          void _labels;
          return `{id: ${cypherString(node)}, props: ${mapLiteral({ ...props, id: node })}}`;
        })
        .join(',\n  ');
      out.write(
        `UNWIND [\n  ${literal}\n] AS row\nMERGE (n:${cypherName(first)} {id: row.id})\nSET n += row.props${extra};\n`,
      );
      await out.flushIfFull();
    }
  }
  const edgeGroups = new Map<string, string[]>();
  for (const { edge, attributes, source, target } of graph.edgeEntries()) {
    const type = typeof attributes.type === 'string' ? attributes.type : 'RELATED_TO';
    const group = [type, primaryLabel.get(source), primaryLabel.get(target)].join('\u0000');
    if (!edgeGroups.has(group)) edgeGroups.set(group, []);
    edgeGroups.get(group)!.push(edge);
  }
  for (const [group, edges] of edgeGroups) {
    const [type, sourceLabel, targetLabel] = group.split('\u0000');
    for (const batch of batches(edges)) {
      const literal = batch
        .map((edge) => {
          const { type: _type, ...props } = graph.getEdgeAttributes(edge);
          void _type;
          const row = { ...storedEdgeProperties(props), id: edge };
          return `{id: ${cypherString(edge)}, source: ${cypherString(graph.source(edge))}, target: ${cypherString(graph.target(edge))}, props: ${mapLiteral(row)}}`;
        })
        .join(',\n  ');
      out.write(
        `UNWIND [\n  ${literal}\n] AS row\n` +
          `MATCH (a:${cypherName(sourceLabel)} {id: row.source})\nMATCH (b:${cypherName(targetLabel)} {id: row.target})\n` +
          `MERGE (a)-[r:${cypherName(type)} {id: row.id}]->(b)\nSET r += row.props;\n`,
      );
      await out.flushIfFull();
    }
  }
  await out.flush();
}
