import { Router } from 'express';
import type { HealthResponse } from '../../../graph/model/api-types';
import { readDatabaseInfo } from '../../../graph/neo4j/database-info';
import type { AppDeps } from '../../app-deps';

export function healthRoutes({ connection, embedded }: AppDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const info = await readDatabaseInfo(connection);
    const body: HealthResponse = {
      status: 'ok',
      neo4j: {
        version: info.version,
        edition: info.edition,
        database: info.database,
        uri: connection.settings.uri,
        embedded,
      },
      counts: { nodes: info.nodes, relationships: info.relationships },
    };
    res.json(body);
  });
  return router;
}
