/** Parameter schemas several feature routers share. */
import { z } from 'zod';
import { ENTITY_TYPES } from '../../graph/model/types';
import { cypherNesting, MAX_CYPHER_NESTING } from '../http/cypher-nesting';

/** Node types a filter may name. */
export const TYPE_NAMES = [...ENTITY_TYPES, 'Document'] as [string, ...string[]];

/** Relationship type names: identifiers only, so they can never smuggle anything into a query. */
export const REL_TYPE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export const nodeIdParam = z.string().trim().min(1, 'is required').max(300);

export const idParams = z.object({ id: nodeIdParam });

/** A user Cypher text: bounded in length and in nesting, which Neo4j's parser would otherwise overflow on. */
export function userCypherParam(required: string) {
  return z
    .string()
    .min(1, required)
    .max(100_000)
    .superRefine((query, ctx) => {
      const depth = cypherNesting(query);
      if (depth > MAX_CYPHER_NESTING)
        ctx.addIssue({
          code: 'custom',
          message: `nests ${depth} levels deep (brackets, CASE, NOT or chained lookups); at most ${MAX_CYPHER_NESTING} are accepted: flatten it with WITH or UNWIND`,
        });
    });
}
