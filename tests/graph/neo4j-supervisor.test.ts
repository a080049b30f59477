import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { SupervisorEvent } from '../../graph/neo4j/neo4j-supervisor';
import { loadNeo4jConfig, openNeo4j, type OpenNeo4j } from '../../graph/neo4j/open-neo4j';
import { testApp } from '../server/test-app';
import { isAlive } from '../support/process';
import { inRead, inSession, inWrite } from '../../graph/neo4j/transaction';

/** `npm start`'s way of opening the embedded Neo4j, on a database of its own (this file kills its JVM). */
describe('the supervised embedded Neo4j', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-supervised-'));
  const events: SupervisorEvent[] = [];
  let neo4j: OpenNeo4j;

  beforeAll(async () => {
    neo4j = await openNeo4j(loadNeo4jConfig({ NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: '0', NEO4J_HEAP: '768m' }), {
      reuseRunningEmbedded: false,
      log: () => undefined,
      supervise: (event) => events.push(event),
    });
  }, 180_000);
  afterAll(async () => {
    await neo4j?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sizes the transaction memory limits from its heap: a quarter per transaction, half for all', async () => {
    const result = await inSession(neo4j.connection, 'read', (session) =>
      session.run(
        "SHOW SETTINGS YIELD name, value WHERE name IN ['db.memory.transaction.max', 'dbms.memory.transaction.total.max'] RETURN name, value",
      ),
    );
    expect(Object.fromEntries(result.records.map((r) => [r.get('name'), r.get('value')]))).toEqual({
      'db.memory.transaction.max': '192.00MiB',
      'dbms.memory.transaction.total.max': '384.00MiB',
    });
  });

  it('restarts Neo4j on the same port and data after its JVM is killed, health answering 503 only meanwhile', async () => {
    const { connection, supervisor } = neo4j;
    const app = testApp(connection);
    await inWrite(connection, (tx) => tx.run("CREATE (:Survivor {id: 'kept'})"));
    const firstPid = supervisor!.pid();

    process.kill(firstPid, 'SIGKILL');
    while (isAlive(firstPid)) await new Promise((resolve) => setTimeout(resolve, 50));
    const down = await request(app).get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('DATABASE_UNAVAILABLE');

    await supervisor!.whenUp();
    const up = await request(app).get('/api/health');
    expect(up.status).toBe(200);
    expect(supervisor!.pid()).not.toBe(firstPid);
    expect(isAlive(supervisor!.pid())).toBe(true);
    expect(supervisor!.uri).toBe(connection.settings.uri);
    const kept = await inRead(connection, (tx) => tx.run('MATCH (n:Survivor) RETURN n.id AS id'));
    expect(kept.records.map((r) => r.get('id'))).toEqual(['kept']);
    expect(events).toEqual([
      { event: 'neo4j-exited', pid: firstPid, code: null, signal: 'SIGKILL' },
      expect.objectContaining({ event: 'neo4j-restarted', pid: supervisor!.pid(), uri: connection.settings.uri }),
    ]);
  }, 180_000);

  it('does not restart Neo4j once it is stopped on purpose', async () => {
    const pid = neo4j.supervisor!.pid();
    const before = events.length;
    await neo4j.close();
    expect(isAlive(pid)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(events.length).toBe(before);
  }, 60_000);
});
