import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../server/app';
import { WorkshopStore } from '../../graph/workshop-store/workshop-store';
import { loadConfig } from '../../server/config';
import { connectNeo4j } from '../../graph/neo4j/connection';
import { connectTestNeo4j } from '../support/neo4j';

const logger = pino({ level: 'silent' });

describe('GET /api/health', () => {
  it('reports the Neo4j version, edition, database and counts', async () => {
    const connection = connectTestNeo4j();
    try {
      const app = createApp({
        connection,
        workshops: WorkshopStore.inMemory(),
        config: loadConfig({}),
        logger,
        embedded: true,
      });
      const res = await request(app).get('/api/health').expect(200);
      expect(res.body.status).toBe('ok');
      expect(res.body.neo4j.version).toMatch(/^5\.26\./);
      expect(res.body.neo4j.edition).toBe('community');
      expect(res.body.neo4j.database).toBe('neo4j');
      expect(typeof res.body.counts.nodes).toBe('number');
      expect(typeof res.body.counts.relationships).toBe('number');
    } finally {
      await connection.close();
    }
  });

  it('answers 503 with a clear message when Neo4j is unreachable', async () => {
    const connection = connectNeo4j({ uri: 'bolt://127.0.0.1:1' });
    try {
      const app = createApp({
        connection,
        workshops: WorkshopStore.inMemory(),
        config: loadConfig({}),
        logger,
        embedded: false,
      });
      const res = await request(app).get('/api/health').expect(503);
      expect(res.body.error.code).toBe('DATABASE_UNAVAILABLE');
      expect(res.body.error.message).toMatch(/unreachable/);
    } finally {
      await connection.close();
    }
  });

  it('answers 404 in the error shape for an unknown endpoint', async () => {
    const connection = connectNeo4j({ uri: 'bolt://127.0.0.1:1' });
    try {
      const res = await request(
        createApp({ connection, workshops: WorkshopStore.inMemory(), config: loadConfig({}), logger, embedded: false }),
      )
        .get('/api/nope')
        .expect(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    } finally {
      await connection.close();
    }
  });
});
