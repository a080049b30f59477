/**
 * Neo4j dying in the middle of an import, as the first documents are stored: the importer reports every
 * document it could not store, in one line each, skips the curation replay with a line saying so, prints
 * its summary and exits 1 — no stack trace, and no waiting out the driver's retries once per remaining
 * document or batch (documents are stored as they are extracted, those extracted meanwhile together).
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../graph/neo4j/embedded-neo4j';
import { main } from '../../import/cli';

const CORPUS = path.join(__dirname, '..', '..', 'data', 'corpus');

describe('the import CLI when Neo4j dies mid-import', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-dies-'));
  const docs = mkdtempSync(path.join(os.tmpdir(), 'dossier-dies-docs-'));
  const saved = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD };
  let neo4j: EmbeddedNeo4j;

  beforeAll(async () => {
    // Twenty copies, each a distinct document.
    for (let i = 0; i < 4; i++)
      for (const name of readdirSync(CORPUS)) copyFileSync(path.join(CORPUS, name), path.join(docs, `${i}-${name}`));
    neo4j = await startEmbeddedNeo4j({ dataDir, port: 0, log: () => undefined });
    process.env.NEO4J_URI = neo4j.uri;
    process.env.NEO4J_USER = neo4j.credentials.user;
    process.env.NEO4J_PASSWORD = neo4j.credentials.password;
  }, 180_000);

  afterAll(async () => {
    for (const [name, value] of [
      ['NEO4J_URI', saved.uri],
      ['NEO4J_USER', saved.user],
      ['NEO4J_PASSWORD', saved.password],
    ] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(docs, { recursive: true, force: true });
  });

  it('reports what it could not store and ends with its summary', async () => {
    const err: string[] = [];
    const out: string[] = [];
    let killed = false;
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((s) => {
      err.push(String(s));
      if (!killed && /^Storing \d+ documents?$/m.test(String(s))) {
        killed = true;
        process.kill(neo4j.pid, 'SIGKILL');
      }
      return true;
    });
    let code: number;
    try {
      code = await main([docs]);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(killed).toBe(true);
    expect(code).toBe(1);
    const failed = err.filter((l) => l.startsWith('failed: '));
    expect(failed.length).toBeGreaterThanOrEqual(15);
    expect(failed.join('')).toMatch(/not stored \(the database stopped answering\)/);
    expect(err.join('')).not.toMatch(/\n\s+at /); // no stack trace
    expect(out.join('')).toMatch(/Imported \d+ documents?, \d+ failed/);
  }, 180_000);
});
