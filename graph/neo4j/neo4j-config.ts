/**
 * The Neo4j part of the environment, shared by the server and the import CLI: an external server when
 * NEO4J_URI is set, otherwise the embedded Neo4j with its data directory and Bolt port.
 */
import path from 'node:path';
import { z } from 'zod';

export const neo4jEnvSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'must start with bolt://, neo4j://, bolt+s://, neo4j+s:// (or +ssc)')
    .optional(),
  NEO4J_USER: z.string().optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  NEO4J_DATA_DIR: z.string().default('.data/neo4j'),
  NEO4J_BOLT_PORT: z.coerce.number().int().min(0).max(65535).default(7687),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/i, 'must look like 512m or 2g')
    .default('1g'),
});

export interface Neo4jConfig {
  uri?: string; // unset = the embedded Neo4j
  user?: string;
  password?: string;
  database?: string;
  dataDir: string;
  boltPort: number;
  heap: string;
}

export function toNeo4jConfig(env: z.infer<typeof neo4jEnvSchema>, projectDir: string): Neo4jConfig {
  return {
    uri: env.NEO4J_URI,
    user: env.NEO4J_USER,
    password: env.NEO4J_PASSWORD,
    database: env.NEO4J_DATABASE,
    dataDir: path.resolve(projectDir, env.NEO4J_DATA_DIR),
    boltPort: env.NEO4J_BOLT_PORT,
    heap: env.NEO4J_HEAP,
  };
}

/** Empty variables count as unset, so `NEO4J_URI=` in a .env file means "embedded". */
export function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

export function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
}
