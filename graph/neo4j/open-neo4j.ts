/**
 * Opens the Neo4j the configuration names: an external server (NEO4J_URI), the embedded Neo4j that a
 * running `npm start` already serves, or a new embedded Neo4j on the configured data directory.
 */
import path from 'node:path';
import { InvalidInputError } from '../errors';
import { connectNeo4j, verifyConnection, type Neo4jConnection } from './connection';
import { readEmbeddedCredentials, startEmbeddedNeo4j } from './embedded-neo4j';
import { describeIssues, neo4jEnvSchema, toNeo4jConfig, withoutBlanks, type Neo4jConfig } from './neo4j-config';
import { superviseEmbeddedNeo4j, type SupervisedNeo4j, type SupervisorEvent } from './neo4j-supervisor';

export interface OpenNeo4j {
  connection: Neo4jConnection;
  embedded: boolean;
  /** Set when this call started the embedded Neo4j under supervision (`supervise` below). */
  supervisor?: SupervisedNeo4j;
  /** Closes the driver, and stops the embedded Neo4j when this call started it. */
  close(): Promise<void>;
}

export function loadNeo4jConfig(
  env: NodeJS.ProcessEnv = process.env,
  projectDir = path.resolve(__dirname, '..', '..'),
): Neo4jConfig {
  const parsed = neo4jEnvSchema.safeParse(withoutBlanks(env));
  if (!parsed.success)
    throw new InvalidInputError(`Invalid configuration: ${describeIssues(parsed.error.issues)}`, {
      details: parsed.error.issues,
    });
  return toNeo4jConfig(parsed.data, projectDir);
}

export async function openNeo4j(
  config: Neo4jConfig,
  options: {
    reuseRunningEmbedded: boolean;
    log?: (line: string) => void;
    /** Restart the embedded Neo4j whenever it exits unexpectedly, reporting each event here. */
    supervise?: (event: SupervisorEvent) => void;
  },
): Promise<OpenNeo4j> {
  if (config.uri) {
    const connection = connectNeo4j({ ...config, uri: config.uri });
    return verified(connection, false, () => connection.close());
  }
  if (options.reuseRunningEmbedded && config.boltPort !== 0) {
    // A running embedded Neo4j on this data directory keeps its password there (none: one started before passwords).
    const running = connectNeo4j({
      uri: `bolt://127.0.0.1:${config.boltPort}`,
      ...readEmbeddedCredentials(config.dataDir),
    });
    try {
      await verifyConnection(running);
      options.log?.(`Using the Neo4j already running at ${running.settings.uri}`);
      return { connection: running, embedded: true, close: () => running.close() };
    } catch {
      await running.close();
    }
  }
  const embeddedOptions = { dataDir: config.dataDir, port: config.boltPort, heap: config.heap, log: options.log };
  const neo4j = options.supervise
    ? await superviseEmbeddedNeo4j({ ...embeddedOptions, onEvent: options.supervise })
    : await startEmbeddedNeo4j(embeddedOptions);
  // Read from the data directory, whoever started it: a supervised restart keeps the same password.
  const connection = connectNeo4j({ uri: neo4j.uri, ...readEmbeddedCredentials(config.dataDir) });
  const opened = await verified(connection, true, async () => {
    await connection.close();
    await neo4j.stop();
  });
  return 'isUp' in neo4j ? { ...opened, supervisor: neo4j } : opened;
}

async function verified(
  connection: Neo4jConnection,
  embedded: boolean,
  close: () => Promise<void>,
): Promise<OpenNeo4j> {
  try {
    await verifyConnection(connection);
  } catch (error) {
    await close();
    throw error;
  }
  return { connection, embedded, close };
}
