import { Router } from 'express';
import { z } from 'zod';
import { readCypherSchema } from '../../../graph/neo4j/graph-repository';
import { runUserCypher } from '../../../graph/neo4j/user-cypher';
import type { AppDeps } from '../../app-deps';
import { parseWith } from '../../http/validate';
import { userCypherParam } from '../shared-params';

export const cypherBody = z.object({
  query: userCypherParam('is required (a Cypher query)'),
  params: z.record(z.string(), z.unknown()).default({}),
});

/**
 * POST /api/cypher {query, params}: read-only user Cypher, answered as a table and a graph (`EXPLAIN …`:
 * the plan). GET /api/schema: the labels, relationship types and property keys the console completes; apart
 * from /api/cypher so that opening the console does not count against the Cypher rate limit.
 */
export function cypherRoutes({ connection, config, onRunawayQuery }: AppDeps): Router {
  const router = Router();
  router.post('/cypher', async (req, res) => {
    const { query, params } = parseWith(cypherBody, req.body ?? {});
    res.json(await runUserCypher(connection, query, params, { ...config.cypher, onRunaway: onRunawayQuery }));
  });
  router.get('/schema', async (_req, res) => {
    res.json(await readCypherSchema(connection));
  });
  return router;
}
