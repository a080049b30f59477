/**
 * The real server for browser tests: builds the client once when dist/client is missing or older than
 * client/, then starts `createApp` on a free port against the test Neo4j.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { createApp } from '../../server/app';
import { WorkshopStore } from '../../graph/workshop-store/workshop-store';
import { loadConfig } from '../../server/config';
import { ImportJobs } from '../../server/imports/import-jobs';
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { connectNeo4j } from '../../graph/neo4j/connection';
import { connectTestNeo4j } from './neo4j';

const PROJECT_DIR = path.resolve(__dirname, '..', '..');
const CLIENT_DIR = path.join(PROJECT_DIR, 'client');
const BUILT_INDEX = path.join(PROJECT_DIR, 'dist', 'client', 'index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the client when the build is missing or older than any file under client/ (or the graph model it imports). */
export function ensureClientBuilt(): void {
  const sources = Math.max(newestMtime(CLIENT_DIR), newestMtime(path.join(PROJECT_DIR, 'graph', 'model')));
  if (existsSync(BUILT_INDEX) && statSync(BUILT_INDEX).mtimeMs >= sources) return;
  const vite = path.join(PROJECT_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', path.join(CLIENT_DIR, 'vite.config.ts'), '--logLevel', 'warn'],
    {
      cwd: PROJECT_DIR,
      encoding: 'utf8',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      timeout: 240_000,
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `Building the client failed (vite build exited ${result.status}):\n${result.stderr || result.stdout || result.error}`,
    );
  }
}

export interface TestServer {
  url: string;
  connection: Neo4jConnection;
  close(): Promise<void>;
}

/**
 * `neo4jUri` points the server at another Neo4j (e.g. a closed port, to see the "unreachable" state);
 * `token` makes it require an API token on every request, as it does off loopback.
 */
export async function startTestServer(options: { neo4jUri?: string; token?: string } = {}): Promise<TestServer> {
  ensureClientBuilt();
  // Upload jobs and their files live in a folder of this server's own.
  const jobsDir = mkdtempSync(path.join(tmpdir(), 'dossier-test-jobs-'));
  const env = {
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DOSSIER_JOBS_DIR: jobsDir,
    ...(options.token ? { DOSSIER_TOKEN: options.token } : {}),
  };
  const config = loadConfig(env, PROJECT_DIR);
  const connection = options.neo4jUri ? connectNeo4j({ uri: options.neo4jUri }) : connectTestNeo4j();
  const logger = pino({ level: 'silent' });
  const imports = new ImportJobs({ connection, uploads: config.uploads, logger });
  const app = createApp({
    connection,
    workshops: WorkshopStore.inMemory(),
    config,
    logger,
    embedded: true,
    rateLimits: false,
    imports,
  });
  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connection,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await imports.close();
      await connection.close();
      rmSync(jobsDir, { recursive: true, force: true });
    },
  };
}
