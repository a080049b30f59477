/**
 * What the app and its routers are built from: its own module, so that app.ts and the routers it mounts
 * never import each other.
 */
import type { Logger } from 'pino';
import type { Neo4jConnection } from '../graph/neo4j/connection';
import type { RunawayQuery } from '../graph/neo4j/query-deadline';
import type { WorkshopStore } from '../graph/workshop-store/workshop-store';
import type { Config } from './config';
import type { RateLimits } from './http/security';
import type { ImportJobs } from './imports/import-jobs';

export interface AppDeps {
  connection: Neo4jConnection;
  /** Workshops, participants, views, notes and hypotheses: outside Neo4j, where user Cypher cannot read them. */
  workshops: WorkshopStore;
  config: Config;
  logger: Logger;
  embedded: boolean;
  /** Per-client request limits; `false` turns them off (benchmarks). Defaults: DEFAULT_RATE_LIMITS. */
  rateLimits?: RateLimits | false;
  /** A user query still running after it was terminated at its deadline (the embedded Neo4j restarts). */
  onRunawayQuery?: (query: RunawayQuery) => void;
  /** Upload jobs: queued, run off the request path, their final states kept on disk. */
  imports: ImportJobs;
}
