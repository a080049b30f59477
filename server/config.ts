/**
 * The one module that reads the environment: defaults, validation, and a clear refusal to start when
 * something is wrong. `.env.example` lists the same variables.
 */
import path from 'node:path';
import { z } from 'zod';
import { InvalidInputError } from '../graph/errors';
import { isLoopback, parseHostHeader, type AllowedHost } from './http/host-check';
import {
  describeIssues,
  neo4jEnvSchema,
  toNeo4jConfig,
  withoutBlanks,
  type Neo4jConfig,
} from '../graph/neo4j/neo4j-config';
import { documentTimeoutSetting } from '../import/document-deadline';

const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

/** `ALLOWED_HOSTS=dossier.example.org,10.0.0.5:8080,[fd00::5]`: names besides loopback that Host may carry. */
const allowedHostsSchema = z
  .string()
  .transform((value, ctx) => {
    const hosts: AllowedHost[] = [];
    for (const entry of value.split(',').map((part) => part.trim())) {
      const host = entry === '' ? undefined : parseHostHeader(entry);
      if (!host) {
        ctx.addIssue({
          code: 'custom',
          message: `${JSON.stringify(entry)} is not a host name: expected a comma-separated list like dossier.example.org,10.0.0.5:8080,[fd00::5]`,
        });
        return z.NEVER;
      }
      hosts.push(host);
    }
    return hosts;
  })
  .default([]);

const envSchema = neo4jEnvSchema.extend({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DOSSIER_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  ALLOWED_HOSTS: allowedHostsSchema,
  CYPHER_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  CYPHER_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  CYPHER_MAX_BYTES: z.coerce.number().int().min(10_000).max(500_000_000).default(8_000_000),
  RATE_LIMIT_API: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_CYPHER: z.coerce.number().int().min(0).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DOSSIER_CORPUS_DIR: z.string().default('data/corpus'),
  DOSSIER_WORKSHOPS_FILE: z.string().default('.data/workshops.json'),
  DOSSIER_JOBS_DIR: z.string().default('.data/jobs'),
  UPLOAD_MAX_FILE_MB: z.coerce.number().positive().max(1024).default(50),
  UPLOAD_MAX_REQUEST_MB: z.coerce.number().positive().max(10_240).default(500),
  UPLOAD_MAX_FILES: z.coerce.number().int().min(1).max(10_000).default(500),
  IMPORT_DOCUMENT_TIMEOUT_MS: documentTimeoutSetting,
});

export interface Config {
  host: string;
  port: number;
  neo4j: Neo4jConfig;
  token?: string;
  /** Names besides loopback that a request's Host may carry: ALLOWED_HOSTS, and HOST when it names one address. */
  allowedHosts: AllowedHost[];
  cypher: { timeoutMs: number; maxRows: number; maxBytes: number };
  /** Requests per minute and client: all of /api, and the costlier /api/cypher and /api/export. 0 = no limit. */
  rateLimits: { api: number; cypher: number };
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  corpusDir: string;
  /** The workshop store: workshops, participants, views, notes, hypotheses (never in Neo4j). */
  workshopsFile: string;
  /**
   * Uploads: the jobs folder (final states survive a restart), the folder files wait in, the limits, and
   * each document's extraction deadline.
   */
  uploads: {
    jobsDir: string;
    dir: string;
    maxFileBytes: number;
    maxRequestBytes: number;
    maxFiles: number;
    documentTimeoutMs: number;
  };
  projectDir: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, projectDir = path.resolve(__dirname, '..')): Config {
  const parsed = envSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    throw new InvalidInputError(`Invalid configuration: ${describeIssues(parsed.error.issues)}`, {
      details: parsed.error.issues,
    });
  }
  const e = parsed.data;
  if (!isLoopback(e.HOST) && !e.DOSSIER_TOKEN) {
    throw new InvalidInputError(
      `Invalid configuration: HOST=${e.HOST} is not loopback, so DOSSIER_TOKEN must be set (16+ characters) to protect the API.`,
    );
  }
  return {
    host: e.HOST,
    port: e.PORT,
    neo4j: toNeo4jConfig(e, projectDir),
    token: e.DOSSIER_TOKEN,
    allowedHosts: [...e.ALLOWED_HOSTS, ...boundName(e.HOST)],
    cypher: { timeoutMs: e.CYPHER_TIMEOUT_MS, maxRows: e.CYPHER_MAX_ROWS, maxBytes: e.CYPHER_MAX_BYTES },
    rateLimits: { api: e.RATE_LIMIT_API, cypher: e.RATE_LIMIT_CYPHER },
    logLevel: e.LOG_LEVEL,
    corpusDir: path.resolve(projectDir, e.DOSSIER_CORPUS_DIR),
    workshopsFile: path.resolve(projectDir, e.DOSSIER_WORKSHOPS_FILE),
    uploads: {
      jobsDir: path.resolve(projectDir, e.DOSSIER_JOBS_DIR),
      // Inside the jobs folder, so one setting moves both.
      dir: path.join(path.resolve(projectDir, e.DOSSIER_JOBS_DIR), 'uploads'),
      maxFileBytes: Math.round(e.UPLOAD_MAX_FILE_MB * 1024 * 1024),
      maxRequestBytes: Math.round(e.UPLOAD_MAX_REQUEST_MB * 1024 * 1024),
      maxFiles: e.UPLOAD_MAX_FILES,
      documentTimeoutMs: e.IMPORT_DOCUMENT_TIMEOUT_MS,
    },
    projectDir,
  };
}

/** A HOST that names one interface is also a name clients reach the server by; 0.0.0.0 and :: name none. */
function boundName(host: string): AllowedHost[] {
  if (isLoopback(host) || WILDCARD_ADDRESSES.has(host)) return [];
  const parsed = parseHostHeader(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  return parsed ? [{ name: parsed.name }] : [];
}
