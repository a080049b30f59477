/**
 * Encoded properties as neo4j-driver parameters: the integer properties of layout.ts become driver
 * integers (a JavaScript number would be stored as a float, and `starts[0] = 3.0` is not an offset).
 */
import neo4j, { type Integer } from 'neo4j-driver';
import { INTEGER_PROPERTIES } from './layout';

type Driven<T> = {
  [K in keyof T]: T[K] extends number ? Integer | number : T[K] extends number[] ? Array<Integer | number> : T[K];
};

export function withDriverIntegers<T extends object>(properties: T): Driven<T> {
  const out: Record<string, unknown> = { ...(properties as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out)) {
    if (!INTEGER_PROPERTIES.has(key)) continue;
    if (typeof value === 'number') out[key] = neo4j.int(value);
    else if (Array.isArray(value)) out[key] = value.map((n) => (typeof n === 'number' ? neo4j.int(n) : n));
  }
  return out as Driven<T>;
}
