/** Numbers across the driver boundary: Neo4j integers are not JavaScript numbers, either way. */
import neo4j from 'neo4j-driver';

/** A JS integer as a Neo4j integer parameter (LIMIT and SKIP refuse floats). */
export function int(value: number) {
  return neo4j.int(value);
}

export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (neo4j.isInt(value as never)) return (value as { toNumber(): number }).toNumber();
  return Number(value ?? 0);
}
