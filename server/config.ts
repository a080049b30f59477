/**
 * The one module that reads the environment: defaults, validation, and a clear refusal to start when
 * something is wrong. `.env.example` lists the same variables.
 */
import path from 'node:path';
import { z } from 'zod';
import { InvalidInputError } from '../graph/errors';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'must start with bolt://, neo4j://, bolt+s://, neo4j+s:// (or +ssc)')
    .optional(),
  NEO4J_USER: z.string().optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  NEO4J_DATA_DIR: z.string().default('.data/neo4j'),
  NEO4J_BOLT_PORT: z.coerce.number().int().min(0).max(65535).default(7687),
  NEO4J_HEAP: z.string().regex(/^\d+[mg]$/i, 'must look like 512m or 2g').default('1g'),
  DOSSIER_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  CYPHER_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  CYPHER_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DOSSIER_CORPUS_DIR: z.string().default('data/corpus'),
});

export interface Config {
  host: string;
  port: number;
  neo4j: {
    uri?: string; // unset = start the embedded Neo4j
    user?: string;
    password?: string;
    database?: string;
    dataDir: string;
    boltPort: number;
    heap: string;
  };
  token?: string;
  cypher: { timeoutMs: number; maxRows: number };
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  corpusDir: string;
  projectDir: string;
}

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, projectDir = path.resolve(__dirname, '..')): Config {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new InvalidInputError(`Invalid configuration: ${problems}`, { details: parsed.error.issues });
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
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      dataDir: path.resolve(projectDir, e.NEO4J_DATA_DIR),
      boltPort: e.NEO4J_BOLT_PORT,
      heap: e.NEO4J_HEAP,
    },
    token: e.DOSSIER_TOKEN,
    cypher: { timeoutMs: e.CYPHER_TIMEOUT_MS, maxRows: e.CYPHER_MAX_ROWS },
    logLevel: e.LOG_LEVEL,
    corpusDir: path.resolve(projectDir, e.DOSSIER_CORPUS_DIR),
    projectDir,
  };
}
