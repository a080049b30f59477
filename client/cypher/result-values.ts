/**
 * Cypher answers in words: a node as `(Kim Jong Un:Person)`, a relationship as
 * `(Kim Jong Un)-[:MET_WITH]->(Vladimir Putin)`, a path hop by hop with each arrow the way its relationship
 * points, lists and maps of these inline. Pure; the console's table and text tabs use it.
 */
import type {
  CypherNodeValue,
  CypherPathValue,
  CypherRelationshipValue,
  CypherResponse,
} from '../../graph/model/api-types';

/** The name of a node known by its element id, if the answer holds it. */
export type NameOf = (elementId: string) => string | undefined;

/** Labels that say nothing of what a node is: every entity carries `Entity` beside its type label. */
const GENERIC_LABELS = new Set(['Entity']);

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function isNodeValue(value: unknown): value is CypherNodeValue {
  return isObject(value) && value.kind === 'node' && typeof value.elementId === 'string';
}

export function isRelationshipValue(value: unknown): value is CypherRelationshipValue {
  return isObject(value) && value.kind === 'relationship' && typeof value.type === 'string';
}

export function isPathValue(value: unknown): value is CypherPathValue {
  return isObject(value) && value.kind === 'path' && Array.isArray(value.nodes) && Array.isArray(value.relationships);
}

/** What a node is called: its name, else its title (documents), else its id. */
export function nodeName(node: CypherNodeValue): string {
  const { name, title } = node.properties;
  if (typeof name === 'string' && name !== '') return name;
  if (typeof title === 'string' && title !== '') return title;
  return node.id;
}

function nodeLabel(node: CypherNodeValue): string | undefined {
  return node.labels.find((label) => !GENERIC_LABELS.has(label)) ?? node.labels[0];
}

/**
 * Names by element id of every node the answer holds: those in its rows (inside paths, lists and maps too),
 * and the ends of returned relationships, which the answer's graph carries even when the rows do not.
 */
export function namesOf(response: Pick<CypherResponse, 'rows' | 'graph'>): NameOf {
  const names = new Map<string, string>();
  const relationships: CypherRelationshipValue[] = [];
  const visit = (value: unknown): void => {
    if (isNodeValue(value)) names.set(value.elementId, nodeName(value));
    else if (isRelationshipValue(value)) relationships.push(value);
    else if (isPathValue(value)) {
      value.nodes.forEach(visit);
      value.relationships.forEach(visit);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) Object.values(value).forEach(visit);
  };
  response.rows.forEach((row) => row.forEach(visit));
  const graphNames = new Map(response.graph.nodes.map((node) => [node.id, node.name]));
  const edges = new Map(response.graph.edges.map((edge) => [edge.id, edge]));
  for (const rel of relationships) {
    const edge = edges.get(rel.id);
    if (!edge) continue;
    const source = graphNames.get(edge.source);
    const target = graphNames.get(edge.target);
    if (source !== undefined && !names.has(rel.startElementId)) names.set(rel.startElementId, source);
    if (target !== undefined && !names.has(rel.endElementId)) names.set(rel.endElementId, target);
  }
  return (elementId) => names.get(elementId);
}

/** A node's name inside a pattern; one the answer does not hold shows as `(?)` rather than an element id. */
function end(elementId: string, nameOf: NameOf): string {
  return `(${nameOf(elementId) ?? '?'})`;
}

export function nodeText(node: CypherNodeValue): string {
  const label = nodeLabel(node);
  return `(${nodeName(node)}${label ? `:${label}` : ''})`;
}

export function relationshipText(rel: CypherRelationshipValue, nameOf: NameOf): string {
  return `${end(rel.startElementId, nameOf)}-[:${rel.type}]->${end(rel.endElementId, nameOf)}`;
}

/** Hop by hop from the path's start: `->` where the relationship points onward, `<-` where it points back. */
export function pathText(path: CypherPathValue): string {
  let text = `(${path.nodes[0] ? nodeName(path.nodes[0]) : '?'})`;
  path.relationships.forEach((rel, i) => {
    const from = path.nodes[i];
    const to = path.nodes[i + 1];
    const onward = !from || rel.startElementId === from.elementId;
    const name = to ? nodeName(to) : '?';
    text += onward ? `-[:${rel.type}]->(${name})` : `<-[:${rel.type}]-(${name})`;
  });
  return text;
}

/** Any value of a result cell as one line of text; strings inside lists and maps are quoted. */
export function valueText(value: unknown, nameOf: NameOf, nested = false): string {
  if (value === null || value === undefined) return nested ? 'null' : '';
  if (typeof value === 'string') return nested ? JSON.stringify(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isNodeValue(value)) return nodeText(value);
  if (isRelationshipValue(value)) return relationshipText(value, nameOf);
  if (isPathValue(value)) return pathText(value);
  if (Array.isArray(value)) return `[${value.map((item) => valueText(item, nameOf, true)).join(', ')}]`;
  if (isObject(value))
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}: ${valueText(item, nameOf, true)}`)
      .join(', ')}}`;
  return String(value);
}

/** The entity a cell stands for, to select in the graph: a node's id, or a relationship's. */
export function cellTarget(value: unknown): { kind: 'node' | 'edge'; id: string } | null {
  if (isNodeValue(value)) return { kind: 'node', id: value.id };
  if (isRelationshipValue(value)) return { kind: 'edge', id: value.id };
  return null;
}
