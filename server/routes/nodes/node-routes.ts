import { Router } from 'express';
import { z } from 'zod';
import { readNeighbors, readNodeDetails } from '../../../graph/neo4j/graph-repository';
import type { AppDeps } from '../../app-deps';
import { intParam, listParam, parseWith } from '../../http/validate';
import { idParams, REL_TYPE_NAME, TYPE_NAMES } from '../shared-params';

const neighborQuery = z.object({
  relTypes: listParam()
    .pipe(z.array(z.string().regex(REL_TYPE_NAME, 'must be a relationship type name such as PARTY_TO')))
    .default([]),
  types: listParam(TYPE_NAMES).default([]),
  limit: intParam(1, 1000, 50),
});

/** GET /api/nodes/:id and GET /api/nodes/:id/neighbors?relTypes=&types=&limit=. */
export function nodeRoutes({ connection }: AppDeps): Router {
  const router = Router();
  router.get('/nodes/:id', async (req, res) => {
    const { id } = parseWith(idParams, req.params);
    res.json(await readNodeDetails(connection, id));
  });
  router.get('/nodes/:id/neighbors', async (req, res) => {
    const { id } = parseWith(idParams, req.params);
    const options = parseWith(neighborQuery, req.query);
    res.json(await readNeighbors(connection, id, options));
  });
  return router;
}
