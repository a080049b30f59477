import { Router } from 'express';
import { readEdgeDetails } from '../../../graph/neo4j/graph-repository';
import type { AppDeps } from '../../app-deps';
import { parseWith } from '../../http/validate';
import { idParams } from '../shared-params';

/** GET /api/edges/:id: a relation, its two ends, and all of its evidence with document titles. */
export function edgeRoutes({ connection }: AppDeps): Router {
  const router = Router();
  router.get('/edges/:id', async (req, res) => {
    const { id } = parseWith(idParams, req.params);
    res.json(await readEdgeDetails(connection, id));
  });
  return router;
}
