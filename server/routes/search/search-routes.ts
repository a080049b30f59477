import { Router } from 'express';
import { z } from 'zod';
import { searchEntities } from '../../../graph/neo4j/graph-repository';
import type { AppDeps } from '../../app-deps';
import { intParam, listParam, parseWith } from '../../http/validate';
import { TYPE_NAMES } from '../shared-params';

const searchQuery = z.object({
  q: z.string().trim().min(1, 'is required (the text to search for)').max(200),
  types: listParam(TYPE_NAMES).default([]),
  limit: intParam(1, 100, 10),
});

/** GET /api/search?q=&types=&limit=: full-text over names and aliases, ranked, typo- and prefix-tolerant. */
export function searchRoutes({ connection }: AppDeps): Router {
  const router = Router();
  router.get('/search', async (req, res) => {
    const { q, types, limit } = parseWith(searchQuery, req.query);
    res.json(await searchEntities(connection, q, types, limit));
  });
  return router;
}
