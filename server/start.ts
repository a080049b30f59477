/**
 * `npm start`: starts (or connects to) Neo4j, applies the schema, imports the bundled corpus into an
 * empty database, builds the client if needed, and serves client and API. Ctrl-C stops everything.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { DossierError } from '../graph/errors';
import type { Neo4jConnection } from '../graph/neo4j/connection';
import { openNeo4j } from '../graph/neo4j/open-neo4j';
import { applySchema } from '../graph/neo4j/schema';
import { moveWorkshopDataOutOfNeo4j } from '../graph/neo4j/workshop-migration';
import { WorkshopStore } from '../graph/workshop-store/workshop-store';
import { createApp } from './app';
import { ImportJobs } from './imports/import-jobs';
import type { AllowedHost } from './http/host-check';
import type { RateLimits } from './http/security';
import { loadConfig, type Config } from './config';
import { listen, type RunningServer } from './index';
import { inSession } from '../graph/neo4j/transaction';

const say = (line: string) => process.stderr.write(`${line}\n`);

export interface Dossier {
  config: Config;
  connection: Neo4jConnection;
  server?: RunningServer;
  stop(): Promise<void>;
}

/** Everything `npm start` does except serving; `npm run dev` reuses it with its own front end. */
export async function startDossier(options: {
  serve: boolean;
  buildClient: boolean;
  /** Host names a front end in between presents (Vite's dev server forwards its own). */
  extraAllowedHosts?: AllowedHost[];
}): Promise<Dossier> {
  const dotEnv = path.resolve(__dirname, '..', '.env');
  if (existsSync(dotEnv)) process.loadEnvFile(dotEnv);
  const loaded = loadConfig();
  const config = { ...loaded, allowedHosts: [...loaded.allowedHosts, ...(options.extraAllowedHosts ?? [])] };
  const logger = pino({ level: config.logLevel });
  const neo4j = await openNeo4j(config.neo4j, {
    reuseRunningEmbedded: false,
    log: say,
    supervise: (event) =>
      logger[event.event === 'neo4j-restarted' ? 'info' : 'error'](event, `embedded Neo4j: ${event.event}`),
  });
  const { connection, embedded } = neo4j;
  try {
    await applySchema(connection);
    const workshops = WorkshopStore.open(config.workshopsFile);
    const moved = await moveWorkshopDataOutOfNeo4j(connection, workshops);
    if (moved > 0) say(`Moved ${moved} workshop records out of Neo4j into ${config.workshopsFile}.`);
    await importCorpusIfEmpty(config, connection);
    if (options.buildClient) buildClientIfNeeded(config);
    const imports = new ImportJobs({ connection, uploads: config.uploads, logger });
    const server = options.serve
      ? await listen(
          createApp({
            connection,
            workshops,
            config,
            logger,
            embedded,
            imports,
            rateLimits: rateLimitsOf(config),
            onRunawayQuery: (query) => {
              logger.error({ event: 'runaway-query', ...query }, 'a user query outlived its termination');
              // Neo4j cannot stop it any other way; an external Neo4j is its operator's to restart.
              neo4j.supervisor?.kill(`user query ${query.queryId} still running ${query.elapsedMs} ms after its start`);
            },
          }),
          config.host,
          config.port,
        )
      : undefined;
    return {
      config,
      connection,
      server,
      stop: async () => {
        await server?.close();
        await imports.close();
        await neo4j.close();
      },
    };
  } catch (error) {
    await neo4j.close();
    throw error;
  }
}

/** 0 in the configuration means "no limit". */
function rateLimitsOf(config: Config): RateLimits {
  const perMinute = (limit: number) => (limit === 0 ? Number.MAX_SAFE_INTEGER : limit);
  return { windowMs: 60_000, api: perMinute(config.rateLimits.api), cypher: perMinute(config.rateLimits.cypher) };
}

async function countDocuments(connection: Neo4jConnection): Promise<number> {
  return inSession(connection, 'read', async (session) => {
    const result = await session.run('MATCH (d:Document) RETURN count(d) AS documents');
    return result.records[0].get('documents').toNumber();
  });
}

/** The importer runs as its own process: the server never depends on import/ (see README, architecture). */
async function importCorpusIfEmpty(config: Config, connection: Neo4jConnection): Promise<void> {
  if ((await countDocuments(connection)) > 0) return;
  say(
    `The database holds no documents: importing the bundled corpus from ${path.relative(config.projectDir, config.corpusDir) || '.'}…`,
  );
  const result = spawnSync(
    process.execPath,
    [...process.execArgv, path.join(config.projectDir, 'import', 'cli.ts'), config.corpusDir],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        NEO4J_URI: connection.settings.uri,
        NEO4J_USER: connection.settings.user ?? '',
        NEO4J_PASSWORD: connection.settings.password ?? '',
        NEO4J_DATABASE: connection.settings.database ?? '',
      },
    },
  );
  if (result.status !== 0)
    say('Some documents of the bundled corpus did not import (see above); serving what was stored.');
}

function buildClientIfNeeded(config: Config): void {
  const built = path.join(config.projectDir, 'dist', 'client', 'index.html');
  const viteConfig = path.join(config.projectDir, 'client', 'vite.config.ts');
  if (existsSync(built) || !existsSync(viteConfig)) return;
  say('Building the client (first run only)…');
  const vite = path.join(config.projectDir, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', viteConfig, '--logLevel', 'warn'], {
    stdio: 'inherit',
    cwd: config.projectDir,
  });
  if (result.status !== 0) throw new Error('Building the client failed (see above): run `npm run build` to retry.');
}

/** Runs until Ctrl-C or SIGTERM, then stops the server and the embedded Neo4j. */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping Dossier…`);
    stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        say(`Could not stop cleanly: ${String(error)}`);
        process.exit(1);
      });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** One line naming the cause and the fix, never a wall of stack trace. */
export function exitWithError(error: unknown): never {
  say(
    error instanceof DossierError || error instanceof Error
      ? `Dossier could not start: ${error.message}`
      : `Dossier could not start: ${String(error)}`,
  );
  process.exit(1);
}

if (require.main === module) {
  startDossier({ serve: true, buildClient: true })
    .then((dossier) => {
      say(`Dossier is running at ${dossier.server?.url}  (Ctrl-C to stop)`);
      stopOnSignals(dossier.stop);
    })
    .catch(exitWithError);
}
