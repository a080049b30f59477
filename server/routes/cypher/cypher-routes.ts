import { Router } from 'express';
import { z } from 'zod';
import { runUserCypher } from '../../../graph/neo4j/user-cypher';
import type { AppDeps } from '../../app-deps';
import { parseWith } from '../../http/validate';
import { userCypherParam } from '../shared-params';

export const cypherBody = z.object({
  query: userCypherParam('is required (a Cypher query)'),
  params: z.record(z.string(), z.unknown()).default({}),
});

/** POST /api/cypher {query, params}: read-only user Cypher, answered as a table and a graph. */
export function cypherRoutes({ connection, config, onRunawayQuery }: AppDeps): Router {
  const router = Router();
  router.post('/cypher', async (req, res) => {
    const { query, params } = parseWith(cypherBody, req.body ?? {});
    res.json(await runUserCypher(connection, query, params, { ...config.cypher, onRunaway: onRunawayQuery }));
  });
  return router;
}
