/**
 * Neo4j values to JSON, and the graph (nodes, relationships, paths) found anywhere in a set of values.
 * Integers stay exact: a JS number when safe, else a decimal string. Temporal and spatial values become
 * their ISO / WKT-like strings. Shared by the repository and by user Cypher so both draw nodes the same way.
 */
import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';
import type { GraphEdge, GraphNode, Subgraph } from '../model/api-types';
import type { AttributeValue } from '../model/types';
import { isSecretProperty } from '../workshop/secrets';
import { decodeAliases, isFactAttribute, isNodeAttribute } from './storage/entity-codec';
import { evidenceCount, hasEvidence } from './storage/evidence-codec';

/** Shown in place of a property that holds a secret (graph/workshop/secrets.ts, SECRET_PROPERTIES). */
export const REDACTED = '[redacted]';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The label every entity carries besides its type label. */
const GENERIC_LABELS = new Set(['Entity']);

export function isSafeInteger(value: unknown): boolean {
  return neo4j.isInt(value as never) && (value as { inSafeRange(): boolean }).inSafeRange();
}

/** Converts any value a record may hold to plain JSON. */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (neo4j.isInt(value as never)) {
    const int = value as { inSafeRange(): boolean; toNumber(): number; toString(): string };
    return int.inSafeRange() ? int.toNumber() : int.toString();
  }
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (neo4j.isNode(value as never)) {
    const node = value as Node;
    return {
      kind: 'node',
      id: nodeKey(node),
      elementId: node.elementId,
      labels: node.labels,
      properties: propertiesToJson(node.properties),
    };
  }
  if (neo4j.isRelationship(value as never)) {
    const rel = value as Relationship;
    return {
      kind: 'relationship',
      id: relationshipKey(rel),
      elementId: rel.elementId,
      type: rel.type,
      startElementId: rel.startNodeElementId,
      endElementId: rel.endNodeElementId,
      properties: propertiesToJson(rel.properties),
    };
  }
  if (neo4j.isPath(value as never)) {
    const path = value as Path;
    return {
      kind: 'path',
      nodes: [path.start, ...path.segments.map((segment) => segment.end)].map(toJson),
      relationships: path.segments.map((segment) => toJson(segment.relationship)),
    };
  }
  if (isTemporalOrSpatial(value)) return String(value);
  if (typeof value === 'object') {
    return propertiesToJson(value as Record<string, unknown>);
  }
  return String(value);
}

export function isTemporalOrSpatial(value: unknown): boolean {
  const v = value as never;
  return (
    neo4j.isDate(v) ||
    neo4j.isDateTime(v) ||
    neo4j.isLocalDateTime(v) ||
    neo4j.isLocalTime(v) ||
    neo4j.isTime(v) ||
    neo4j.isDuration(v) ||
    neo4j.isPoint(v)
  );
}

function propertiesToJson(properties: Record<string, unknown>): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(properties).map(([key, item]) => [key, isSecretProperty(key) ? REDACTED : toJson(item)]),
  );
}

/** Our nodes carry a stable `id` property; anything else is known by its element id. */
export function nodeKey(node: Node): string {
  const id = node.properties.id;
  return typeof id === 'string' && id !== '' ? id : node.elementId;
}

export function relationshipKey(rel: Relationship): string {
  const id = rel.properties.id;
  return typeof id === 'string' && id !== '' ? id : rel.elementId;
}

/** Property values as GraphNode/GraphEdge attributes: lists stay lists, maps become JSON text. */
function toAttribute(value: unknown): AttributeValue | null {
  const json = toJson(value);
  if (json === null || typeof json === 'string' || typeof json === 'number' || typeof json === 'boolean') return json;
  if (Array.isArray(json) && json.every((item) => typeof item === 'string')) return json as string[];
  return JSON.stringify(json);
}

export function nodeType(node: Node): string {
  const type = node.properties.type;
  if (typeof type === 'string' && type !== '') return type;
  return node.labels.find((label) => !GENERIC_LABELS.has(label)) ?? node.labels[0] ?? 'Node';
}

export function toGraphNode(node: Node, degree?: number): GraphNode {
  const props = node.properties;
  const attributes: Record<string, AttributeValue | null> = {};
  for (const [key, value] of Object.entries(props))
    if (isNodeAttribute(key) && !isSecretProperty(key)) attributes[key] = toAttribute(value);
  const name = props.name ?? props.title;
  const result: GraphNode = {
    id: nodeKey(node),
    type: nodeType(node),
    name: typeof name === 'string' ? name : nodeKey(node),
    attributes,
  };
  if (Array.isArray(props.aliases)) result.aliases = decodeAliases(props);
  if (degree !== undefined) result.degree = degree;
  return result;
}

/** `keyOf` maps a node's element id to its key (needed because a relationship only knows element ids). */
export function toGraphEdge(rel: Relationship, keyOf: (elementId: string) => string): GraphEdge {
  const props = rel.properties;
  const attributes: Record<string, AttributeValue | null> = {};
  for (const [key, value] of Object.entries(props))
    if (isFactAttribute(key) && !isSecretProperty(key)) attributes[key] = toAttribute(value);
  const edge: GraphEdge = {
    id: relationshipKey(rel),
    type: rel.type,
    source: keyOf(rel.startNodeElementId),
    target: keyOf(rel.endNodeElementId),
    attributes,
  };
  const confidence = toJson(props.confidence);
  if (typeof confidence === 'number') edge.confidence = confidence;
  if (hasEvidence(props)) edge.evidenceCount = evidenceCount(props);
  return edge;
}

/** Collects every node, relationship and path anywhere in the values (lists and maps included). */
export class GraphCollector {
  readonly nodes = new Map<string, Node>(); // by element id
  readonly relationships = new Map<string, Relationship>(); // by element id

  add(value: unknown): void {
    if (value === null || value === undefined || typeof value !== 'object') return;
    if (neo4j.isNode(value as never)) {
      const node = value as Node;
      this.nodes.set(node.elementId, node);
    } else if (neo4j.isRelationship(value as never)) {
      const rel = value as Relationship;
      this.relationships.set(rel.elementId, rel);
    } else if (neo4j.isPath(value as never)) {
      const path = value as Path;
      this.add(path.start);
      for (const segment of path.segments) {
        this.add(segment.relationship);
        this.add(segment.end);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) this.add(item);
    } else if (neo4j.isInt(value as never) || isTemporalOrSpatial(value) || value instanceof Uint8Array) {
      return;
    } else {
      for (const item of Object.values(value as Record<string, unknown>)) this.add(item);
    }
  }

  /** Element ids of relationship endpoints that were not themselves returned. */
  missingEndpoints(): string[] {
    const missing = new Set<string>();
    for (const rel of this.relationships.values()) {
      if (!this.nodes.has(rel.startNodeElementId)) missing.add(rel.startNodeElementId);
      if (!this.nodes.has(rel.endNodeElementId)) missing.add(rel.endNodeElementId);
    }
    return [...missing];
  }

  toSubgraph(): Subgraph {
    const keyOf = (elementId: string): string => {
      const node = this.nodes.get(elementId);
      return node ? nodeKey(node) : elementId;
    };
    const nodes = new Map<string, GraphNode>();
    for (const node of this.nodes.values()) nodes.set(nodeKey(node), toGraphNode(node));
    const edges = new Map<string, GraphEdge>();
    for (const rel of this.relationships.values()) edges.set(relationshipKey(rel), toGraphEdge(rel, keyOf));
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  }
}
