/**
 * Child process of the API benchmark: the real app (`createApp` with `loadConfig`) on 127.0.0.1 and a free
 * port, connected to the benchmark's Neo4j (BENCH_NEO4J_URI), rate limits off, logging silent. A process of
 * its own so that autocannon does not share the server's event loop. Prints "READY <port>" when listening.
 */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { connectNeo4j } from '../../graph/neo4j/connection';
import { createApp } from '../../server/app';
import { WorkshopStore } from '../../graph/workshop-store/workshop-store';
import { loadConfig } from '../../server/config';

function main(): void {
  const uri = process.env.BENCH_NEO4J_URI;
  if (!uri) throw new Error('api-server: BENCH_NEO4J_URI is not set');
  const config = loadConfig({ ...process.env, NEO4J_URI: uri, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' });
  const connection = connectNeo4j({ uri, user: config.neo4j.user, password: config.neo4j.password });
  const app = createApp({
    connection,
    workshops: WorkshopStore.inMemory(),
    config,
    logger: pino({ level: 'silent' }),
    embedded: true,
    rateLimits: false,
  });
  const server = app.listen(0, '127.0.0.1', () =>
    process.stdout.write(`READY ${(server.address() as AddressInfo).port}\n`),
  );
  const stop = () => server.close(() => void connection.close().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop); // dies with the benchmark
  process.stdin.resume();
}

main();
