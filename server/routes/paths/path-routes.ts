import { Router } from 'express';
import { z } from 'zod';
import { MAX_PATH_HOPS, readPaths } from '../../../graph/neo4j/graph-repository';
import type { AppDeps } from '../../app-deps';
import { RELATION_TYPES } from '../../../graph/model/types';
import { intParam, listParam, parseWith } from '../../http/validate';
import { nodeIdParam } from '../shared-params';

const pathQuery = z.object({
  from: nodeIdParam,
  to: nodeIdParam,
  maxHops: intParam(1, MAX_PATH_HOPS, 4),
  limit: intParam(1, 100, 25),
  /** Fact types to follow; none named: every fact type. */
  relTypes: listParam(RELATION_TYPES as unknown as [string, ...string[]]).default([]),
  /** Also through the documents that name both ends (weaker than a fact: off unless asked for). */
  throughDocuments: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

/** GET /api/paths?from=&to=&maxHops=&relTypes=&throughDocuments=: every shortest path between two entities. */
export function pathRoutes({ connection }: AppDeps): Router {
  const router = Router();
  router.get('/paths', async (req, res) => {
    const { from, to, maxHops, limit, relTypes, throughDocuments } = parseWith(pathQuery, req.query);
    res.json(await readPaths(connection, from, to, maxHops, limit, { relTypes, throughDocuments }));
  });
  return router;
}
