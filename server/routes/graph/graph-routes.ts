import { Router } from 'express';
import { z } from 'zod';
import { readOverview, readSubgraph } from '../../../graph/neo4j/graph-repository';
import type { AppDeps } from '../../app-deps';
import { intParam, parseWith } from '../../http/validate';
import { nodeIdParam } from '../shared-params';

const overviewQuery = z.object({ limit: intParam(1, 2000, 150) });

/** Ids in, subgraph out: at most a view's worth of entities, and the view around them. */
const subgraphBody = z.object({
  ids: z.array(nodeIdParam).min(1, 'needs at least one id').max(5000),
  around: z.array(nodeIdParam).max(20000).default([]),
});

/**
 * GET /api/graph?limit=: the most connected entities and the facts among them.
 * POST /api/subgraph {ids, around?}: those entities, their facts with each other and with `around`.
 */
export function graphRoutes({ connection }: AppDeps): Router {
  const router = Router();
  router.get('/graph', async (req, res) => {
    const { limit } = parseWith(overviewQuery, req.query);
    res.json(await readOverview(connection, limit));
  });
  router.post('/subgraph', async (req, res) => {
    const { ids, around } = parseWith(subgraphBody, req.body);
    res.json(await readSubgraph(connection, [...new Set(ids)], [...new Set(around)]));
  });
  return router;
}
