import { Router } from 'express';
import { readStats } from '../../../graph/neo4j/graph-repository';
import type { AppDeps } from '../../app-deps';

/** GET /api/stats: counts by label and relationship type, documents, last import time. */
export function statsRoutes({ connection }: AppDeps): Router {
  const router = Router();
  router.get('/stats', async (_req, res) => {
    res.json(await readStats(connection));
  });
  return router;
}
