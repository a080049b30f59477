/**
 * About how many bytes of JSON a driver value becomes in an answer (cypher-values.ts `toJson`), counted
 * without building that JSON: one row can hold a list of 300,000 strings, and stringifying it just to
 * measure it would cost the memory and time the byte cap is there to save. The walk stops as soon as the
 * count passes `budget`, so measuring a huge value costs no more than the budget itself. Overheads lean
 * high (ids, labels, keys, quotes), so an answer the count accepts stays below the cap.
 */
import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';
import { isTemporalOrSpatial } from './cypher-values';

/** `{"kind":"node","id":…,"elementId":"4:<uuid>:<n>","labels":[],"properties":{}}` without the values. */
const NODE_OVERHEAD = 120;
const RELATIONSHIP_OVERHEAD = 220;

export function approximateJsonSize(value: unknown, budget = Number.POSITIVE_INFINITY): number {
  let total = 0;
  const visit = (item: unknown): void => {
    if (total > budget) return;
    if (item === null || item === undefined) total += 4;
    else if (typeof item === 'string') total += Buffer.byteLength(item) + 2;
    else if (typeof item === 'number' || typeof item === 'bigint' || typeof item === 'boolean') total += 24;
    else if (neo4j.isInt(item as never)) total += 24;
    else if (Array.isArray(item)) {
      total += 2;
      for (const element of item) {
        visit(element);
        total += 1;
        if (total > budget) return;
      }
    } else if (item instanceof Uint8Array) total += Math.ceil(item.length / 3) * 4 + 2;
    else if (neo4j.isNode(item as never)) {
      const node = item as Node;
      total += NODE_OVERHEAD + node.elementId.length * 2;
      visit(node.labels);
      visitMap(node.properties);
    } else if (neo4j.isRelationship(item as never)) {
      const rel = item as Relationship;
      total += RELATIONSHIP_OVERHEAD + rel.type.length;
      visitMap(rel.properties);
    } else if (neo4j.isPath(item as never)) {
      const path = item as Path;
      total += 40;
      visit(path.start);
      for (const segment of path.segments) {
        visit(segment.relationship);
        visit(segment.end);
      }
    } else if (isTemporalOrSpatial(item)) total += 80;
    else if (typeof item === 'object') visitMap(item as Record<string, unknown>);
    else total += String(item).length + 2;
  };
  const visitMap = (map: Record<string, unknown>): void => {
    total += 2;
    for (const [key, item] of Object.entries(map)) {
      total += Buffer.byteLength(key) + 4;
      visit(item);
      if (total > budget) return;
    }
  };
  visit(value);
  return total;
}
