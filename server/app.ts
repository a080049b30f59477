/**
 * Builds the Express app from its dependencies; `index.ts` only listens. Tests drive this with supertest.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Router } from 'express';
import type { Logger } from 'pino';
import pinoHttp from 'pino-http';
import type { Neo4jConnection } from '../graph/neo4j/connection';
import type { WorkshopStore } from '../graph/workshop-store/workshop-store';
import type { RunawayQuery } from '../graph/neo4j/query-deadline';
import { NotFoundError } from '../graph/errors';
import type { Config } from './config';
import { errorMiddleware } from './http/error-middleware';
import { requireKnownHost } from './http/host-check';
import { withoutSecrets } from './http/log-redaction';
import {
  apiRateLimit,
  cypherRateLimit,
  DEFAULT_RATE_LIMITS,
  requireToken,
  securityHeaders,
  type RateLimits,
} from './http/security';
import { cypherRoutes } from './routes/cypher/cypher-routes';
import { documentRoutes } from './routes/documents/document-routes';
import { edgeRoutes } from './routes/edges/edge-routes';
import { exportRoutes } from './routes/export/export-routes';
import { graphRoutes } from './routes/graph/graph-routes';
import { healthRoutes } from './routes/health/health-routes';
import { nodeRoutes } from './routes/nodes/node-routes';
import { pathRoutes } from './routes/paths/path-routes';
import { searchRoutes } from './routes/search/search-routes';
import { statsRoutes } from './routes/stats/stats-routes';
import { workshopRoutes } from './routes/workshops/workshop-routes';

export interface AppDeps {
  connection: Neo4jConnection;
  /** Workshops, participants, views, notes and hypotheses: outside Neo4j, where user Cypher cannot read them. */
  workshops: WorkshopStore;
  config: Config;
  logger: Logger;
  embedded: boolean;
  /** Per-client request limits; `false` turns them off (benchmarks). Defaults: DEFAULT_RATE_LIMITS. */
  rateLimits?: RateLimits | false;
  /** A user query still running after it was terminated at its deadline (the embedded Neo4j restarts). */
  onRunawayQuery?: (query: RunawayQuery) => void;
}

/** Feature routers mounted under /api, in one list so a newcomer sees the whole API here. */
const API_ROUTES: Array<(deps: AppDeps) => Router> = [
  healthRoutes,
  statsRoutes,
  graphRoutes,
  searchRoutes,
  nodeRoutes,
  pathRoutes,
  edgeRoutes,
  documentRoutes,
  cypherRoutes,
  exportRoutes,
  workshopRoutes,
];

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(securityHeaders());
  app.use(
    pinoHttp({
      logger: deps.logger,
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api') },
      // Headers stay out of the log: they carry the API token and workshop tokens.
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: withoutSecrets(req.url),
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  // Before anything else answers: a request for another name is a page that rebound its name to this server.
  app.use(requireKnownHost(deps.config.allowedHosts));
  // Limits first (so guessing the token is limited too), then the token, then body parsing.
  const limits = deps.rateLimits === undefined ? DEFAULT_RATE_LIMITS : deps.rateLimits;
  if (limits) {
    app.use('/api', apiRateLimit(limits));
    app.use(['/api/cypher', '/api/export'], cypherRateLimit(limits));
  }
  // A browser's EventSource sends no headers: the workshop event stream alone may carry the API token in
  // its query (redacted from the log like every secret parameter).
  app.use('/api', requireToken(deps.config.token, { queryTokenPaths: [/^\/workshops\/[^/]+\/events$/] }));
  // Exports may name up to 100 000 node ids with their positions, colours and sizes (about 100 bytes
  // each); everything else fits in 1 MB.
  app.use('/api/export', express.json({ limit: '16mb' }));
  app.use('/api', express.json({ limit: '1mb' }));

  const api = express.Router();
  for (const routes of API_ROUTES) api.use(routes(deps));
  api.use((req) => {
    throw new NotFoundError(`No API endpoint ${req.method} ${req.baseUrl}${req.path}`);
  });
  app.use('/api', api);

  const clientDir = path.join(deps.config.projectDir, 'dist', 'client');
  if (existsSync(clientDir)) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(path.join(clientDir, 'index.html')));
  }
  app.use(errorMiddleware);
  return app;
}
