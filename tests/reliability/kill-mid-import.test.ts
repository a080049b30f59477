/**
 * kill -9 in the middle of an import, of the importer and of Neo4j, then the same import run again: the
 * database must end exactly as a clean import of the same files leaves it (nodes by label, relationships by
 * type, every id, every property but the times and the random ids of the document log), nothing lost and
 * nothing doubled. The importer that is killed runs as `npm run import` does, in a process of its own; the
 * clean import, the runs again and the one that sees Neo4j die run in this process (the same `main`,
 * without a second start of tsx each time). All against a Neo4j of this file's own, with the shared engine.
 * The Neo4j case also holds what the importer must say then: a line per document not stored, its summary,
 * no stack trace.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectNeo4j, type Neo4jConnection } from '../../graph/neo4j/connection';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../graph/neo4j/embedded-neo4j';
import { applySchema } from '../../graph/neo4j/schema';
import { main } from '../../import/cli';
import { corpusFiles } from '../support/seed-database';
import { emptyDatabase } from '../support/neo4j';
import { isAlive } from '../support/process';
import { graphFingerprint, type GraphFingerprint } from './support/graph-fingerprint';

const PROJECT_DIR = path.resolve(__dirname, '..', '..');
/** What two imports of the same files never share: when each ran, and the document log's random ids. */
const VOLATILE = { keys: ['at', 'importedAt', 'storedAt'], labels: ['DocumentLog'] };

interface Run {
  code: number | null;
  signal: string | null;
  stderr: string;
  stdout: string;
}

let neo4j: EmbeddedNeo4j;
let connection: Neo4jConnection;
let clean: Omit<GraphFingerprint, 'digest'>;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-kill-neo4j-'));
const docs = mkdtempSync(path.join(os.tmpdir(), 'dossier-kill-docs-'));

async function startNeo4j(): Promise<void> {
  neo4j = await startEmbeddedNeo4j({ dataDir, port: 0, log: () => undefined });
  connection = connectNeo4j({ uri: neo4j.uri, ...neo4j.credentials });
}

/**
 * `npm run import -- <docs>` against this file's Neo4j; `kill` is asked at every line the importer writes
 * and may kill something (the importer itself, or Neo4j) once.
 */
function runImporter(kill?: (line: string, pid: number) => boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_DIR, 'import', 'cli.ts'), docs], {
      cwd: PROJECT_DIR,
      env: {
        ...process.env,
        NEO4J_URI: neo4j.uri,
        NEO4J_USER: neo4j.credentials.user,
        NEO4J_PASSWORD: neo4j.credentials.password,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!killed && kill)
        for (const line of chunk.toString().split('\n')) if (!killed) killed = kill(line, child.pid!);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stderr, stdout }));
  });
}

/**
 * Documents are stored as they are extracted, so where one batch ends depends on timing, and with it the
 * order of aliases and evidence, which document's wording names a merged event's kind, and what the document
 * log calls new. The comparison is of what was stored: every node and relationship by id, label and type.
 */
const fingerprint = async (): Promise<Omit<GraphFingerprint, 'digest'>> => {
  const { digest, ...stored } = await graphFingerprint(connection, VOLATILE);
  void digest;
  return stored;
};

/** The import CLI's `main` in this process, against this file's Neo4j, its output caught. */
async function importHere(onLine?: (line: string) => void): Promise<Run> {
  const saved = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD };
  process.env.NEO4J_URI = neo4j.uri;
  process.env.NEO4J_USER = neo4j.credentials.user;
  process.env.NEO4J_PASSWORD = neo4j.credentials.password;
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((s) => {
    stderr += String(s);
    onLine?.(String(s));
    return true;
  });
  try {
    return { code: await main([docs]), signal: null, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    for (const [name, value] of Object.entries(saved)) {
      const key = `NEO4J_${name.toUpperCase()}`;
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

beforeAll(async () => {
  for (const file of corpusFiles()) copyFileSync(file, path.join(docs, path.basename(file)));
  await startNeo4j();
  await applySchema(connection);
  const run = await importHere();
  expect([run.code, run.stdout]).toEqual([0, expect.stringMatching(/^Imported 5 documents/)]);
  clean = await fingerprint();
}, 480_000);
afterAll(async () => {
  await connection?.close();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(docs, { recursive: true, force: true });
});

describe('an import killed with kill -9 and run again', () => {
  it('holds a graph worth comparing: entities, facts and the documents', () => {
    expect(clean.nodeIds.length).toBeGreaterThan(20);
    expect(Object.keys(clean.relationshipsByType)).toEqual(expect.arrayContaining(['MENTIONED_IN']));
    expect(clean.nodesByLabels).toMatchObject({ Document: 5 });
  });

  it.each([
    ['while its transaction is open', (line: string) => /^Storing \d+ documents?$/.test(line)],
    // documents are stored as they are extracted: the first one's line comes once its batch is committed
    ['once its first documents are committed, before the rest', (line: string) => /^Importing \[1\//.test(line)],
  ])(
    'of the importer %s ends as a clean import',
    async (_when, at) => {
      await emptyDatabase(connection);
      const killed = await runImporter((line, pid) => at(line) && process.kill(pid, 'SIGKILL'));
      expect(killed.signal).toBe('SIGKILL');
      const again = await importHere();
      expect([again.code, again.stderr]).toEqual([0, expect.any(String)]);
      expect(await fingerprint()).toEqual(clean);
    },
    120_000,
  );

  it('of Neo4j while the transaction is open: the importer reports it, and after a restart ends as a clean import', async () => {
    await emptyDatabase(connection);
    const pid = neo4j.pid;
    let sent = false;
    const killed = await importHere((line) => {
      if (!sent && /^Storing \d+ documents?$/m.test(line)) sent = process.kill(pid, 'SIGKILL');
    });
    expect(sent).toBe(true);
    expect(killed.code).toBe(1);
    const failed = killed.stderr.split('\n').filter((l) => l.startsWith('failed: '));
    // the batch in flight and every document after it fail, each on its own line; those stored before stay
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.join('\n')).toMatch(/not stored \(the database stopped answering\)/);
    const summary = /Imported (\d+) documents?, (\d+) failed/.exec(killed.stdout);
    expect(summary && [Number(summary[1]) + Number(summary[2]), Number(summary[2])]).toEqual([5, failed.length]);
    expect(killed.stderr).not.toMatch(/\n\s+at /); // a line per document, no stack trace
    while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
    await connection.close();
    await startNeo4j();
    const again = await importHere();
    expect([again.code, again.stderr]).toEqual([0, expect.any(String)]);
    expect(await fingerprint()).toEqual(clean);
  }, 180_000);
});
