/**
 * Builds the Express app from its dependencies; `index.ts` only listens. Tests drive this with supertest.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Router } from 'express';
import pinoHttp from 'pino-http';
import { NotFoundError } from '../graph/errors';
import type { AppDeps } from './app-deps';
import { ImportJobs } from './imports/import-jobs';
import { errorMiddleware } from './http/error-middleware';
import { requireKnownHost } from './http/host-check';
import { withoutSecrets } from './http/log-redaction';
import { apiRateLimit, cypherRateLimit, DEFAULT_RATE_LIMITS, requireToken, securityHeaders } from './http/security';
import { cypherRoutes } from './routes/cypher/cypher-routes';
import { documentRoutes } from './routes/documents/document-routes';
import { documentChangesRoutes } from './routes/documents/document-changes-routes';
import { edgeRoutes } from './routes/edges/edge-routes';
import { exportRoutes } from './routes/export/export-routes';
import { graphRoutes } from './routes/graph/graph-routes';
import { healthRoutes } from './routes/health/health-routes';
import { nodeRoutes } from './routes/nodes/node-routes';
import { pathRoutes } from './routes/paths/path-routes';
import { searchRoutes } from './routes/search/search-routes';
import { statsRoutes } from './routes/stats/stats-routes';
import { workshopRoutes } from './routes/workshops/workshop-routes';

/** What `createApp` needs; without `imports`, uploads get jobs of their own from the configuration. */
export type AppInput = Omit<AppDeps, 'imports'> & { imports?: ImportJobs };

/** Feature routers mounted under /api, in one list so a newcomer sees the whole API here. */
const API_ROUTES: Array<(deps: AppDeps) => Router> = [
  healthRoutes,
  statsRoutes,
  graphRoutes,
  searchRoutes,
  nodeRoutes,
  pathRoutes,
  edgeRoutes,
  // Before documentRoutes: /documents/log is not a document id.
  documentChangesRoutes,
  documentRoutes,
  cypherRoutes,
  exportRoutes,
  workshopRoutes,
];

export function createApp(input: AppInput): Express {
  const deps: AppDeps = {
    ...input,
    imports:
      input.imports ??
      new ImportJobs({ connection: input.connection, uploads: input.config.uploads, logger: input.logger }),
  };
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
  // A browser's EventSource sends no headers: the event streams alone (a workshop's, an import job's, the documents') may
  // carry the API token in their query (redacted from the log like every secret parameter).
  app.use(
    '/api',
    requireToken(deps.config.token, {
      queryTokenPaths: [/^\/workshops\/[^/]+\/events$/, /^\/jobs\/[^/]+\/events$/, /^\/documents\/events$/],
    }),
  );
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
