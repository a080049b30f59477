/** Builds the real app for supertest against the test Neo4j: quiet logs, default limits off unless asked. */
import type { Express } from 'express';
import pino from 'pino';
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { createApp } from '../../server/app';
import type { AppDeps } from '../../server/app-deps';
import { WorkshopStore } from '../../graph/workshop-store/workshop-store';
import { loadConfig } from '../../server/config';

export function testApp(
  connection: Neo4jConnection,
  overrides: {
    env?: NodeJS.ProcessEnv;
    rateLimits?: AppDeps['rateLimits'];
    logger?: AppDeps['logger'];
    onRunawayQuery?: AppDeps['onRunawayQuery'];
  } = {},
): Express {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...overrides.env });
  return createApp({
    connection,
    workshops: WorkshopStore.inMemory(),
    config,
    logger: overrides.logger ?? pino({ level: 'silent' }),
    embedded: true,
    rateLimits: overrides.rateLimits ?? false,
    onRunawayQuery: overrides.onRunawayQuery,
  });
}
