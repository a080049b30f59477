import { Router } from 'express';
import { z } from 'zod';
import { MAX_PATH_HOPS, readPaths } from '../../../graph/neo4j/graph-repository';
import type { AppDeps } from '../../app';
import { intParam, parseWith } from '../../http/validate';
import { nodeIdParam } from '../shared-params';

const pathQuery = z.object({
  from: nodeIdParam,
  to: nodeIdParam,
  maxHops: intParam(1, MAX_PATH_HOPS, 4),
  limit: intParam(1, 100, 25),
});

/** GET /api/paths?from=&to=&maxHops=: every shortest path between two entities (facts only). */
export function pathRoutes({ connection }: AppDeps): Router {
  const router = Router();
  router.get('/paths', async (req, res) => {
    const { from, to, maxHops, limit } = parseWith(pathQuery, req.query);
    res.json(await readPaths(connection, from, to, maxHops, limit));
  });
  return router;
}
