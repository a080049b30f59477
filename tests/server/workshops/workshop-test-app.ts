/** The app as workshop tests drive it: the real test Neo4j, no rate limits, a silent logger. */
import pino from 'pino';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../../server/app';
import { WorkshopStore } from '../../../graph/workshop-store/workshop-store';
import { loadConfig } from '../../../server/config';
import type { Neo4jConnection } from '../../../graph/neo4j/connection';

/** `env` configures the server as the environment would (e.g. `DOSSIER_TOKEN`). */
export function workshopTestApp(
  connection: Neo4jConnection,
  env: NodeJS.ProcessEnv = {},
  workshops = WorkshopStore.inMemory(),
): Express {
  return createApp({
    connection,
    workshops,
    config: loadConfig(env),
    logger: pino({ level: 'silent' }),
    embedded: true,
    rateLimits: false,
  });
}

export interface Joined {
  workshopId: string;
  editorToken: string;
  viewerToken: string;
  editorCode: string;
  viewerCode: string;
}

/** Creates a workshop (its creator is an editor) and has a viewer join it. */
export async function workshopWithViewer(app: Express, name = 'Korea desk'): Promise<Joined> {
  const created = await request(app).post('/api/workshops').send({ name, displayName: 'Ada' }).expect(201);
  const joined = await request(app)
    .post('/api/workshops/join')
    .send({ code: created.body.viewerCode, displayName: 'Vic' })
    .expect(200);
  return {
    workshopId: created.body.workshop.id,
    editorToken: created.body.token,
    viewerToken: joined.body.token,
    editorCode: created.body.editorCode,
    viewerCode: created.body.viewerCode,
  };
}
