/**
 * Starts one embedded Neo4j for the whole jest run, on a free port with a temporary data directory,
 * so tests never touch the user's data or a fixed port, and one NLP engine, whose address every test
 * file (and every importer the tests spawn) reads from DOSSIER_NLP_URL. Both start at once: each takes
 * tens of seconds. Set TEST_NEO4J_URI to use another server, DOSSIER_NLP_URL another engine.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedNeo4j } from '../../graph/neo4j/embedded-neo4j';
import { connectNeo4j } from '../../graph/neo4j/connection';
import { applySchema } from '../../graph/neo4j/schema';
import { startEngine } from '../../import/engine/nlp-engine';
import { TEST_STATE } from './test-state';

function startTestEngine() {
  return startEngine({ log: (line) => process.stderr.write(`[test nlp] ${line}\n`) });
}

export default async function globalSetup(): Promise<void> {
  const engine = process.env.DOSSIER_NLP_URL ? undefined : startTestEngine();
  engine?.catch(() => undefined); // awaited below, after Neo4j; this only keeps an early failure from going unhandled
  if (!process.env.TEST_NEO4J_URI) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-test-neo4j-'));
    const neo4j = await startEmbeddedNeo4j({
      dataDir,
      port: 0,
      heap: '1g',
      log: (line) => process.stderr.write(`[test neo4j] ${line}\n`),
    });
    process.env.TEST_NEO4J_URI = neo4j.uri;
    process.env.TEST_NEO4J_USER = neo4j.credentials.user;
    process.env.TEST_NEO4J_PASSWORD = neo4j.credentials.password;
    process.env.TEST_NEO4J_DATA_DIR = dataDir;
    TEST_STATE.stopNeo4j = neo4j.stop;
    TEST_STATE.dataDir = dataDir;
  }
  if (engine) {
    const started = await engine;
    process.env.DOSSIER_NLP_URL = started.url;
    process.env.DOSSIER_NLP_TOKEN = started.token;
    TEST_STATE.stopEngine = () => started.close();
  }
  const connection = connectNeo4j({
    uri: process.env.TEST_NEO4J_URI,
    user: process.env.TEST_NEO4J_USER,
    password: process.env.TEST_NEO4J_PASSWORD,
  });
  try {
    await applySchema(connection);
  } finally {
    await connection.close();
  }
}
