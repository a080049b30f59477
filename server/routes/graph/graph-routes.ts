import { Router } from 'express';
import { z } from 'zod';
import { readOverview } from '../../../graph/neo4j/graph-repository';
import type { AppDeps } from '../../app';
import { intParam, parseWith } from '../../http/validate';

const overviewQuery = z.object({ limit: intParam(1, 2000, 150) });

/** GET /api/graph?limit=: the most connected entities and the facts among them. */
export function graphRoutes({ connection }: AppDeps): Router {
  const router = Router();
  router.get('/graph', async (req, res) => {
    const { limit } = parseWith(overviewQuery, req.query);
    res.json(await readOverview(connection, limit));
  });
  return router;
}
