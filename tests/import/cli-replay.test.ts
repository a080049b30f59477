import { appendFileSync, copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyAndRecordCuration } from '../../graph/neo4j/curation-repository';
import { main } from '../../import/cli';
import { connectTestNeo4j, emptyDatabase, pointImporterAtTestNeo4j } from '../support/neo4j';

const CORPUS = path.join(__dirname, '..', '..', 'data', 'corpus');

async function runCli(args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const error = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  try {
    return { code: await main(args), err: err.join('') };
  } finally {
    out.mockRestore();
    error.mockRestore();
  }
}

describe('import CLI and analyst curations', () => {
  const connection = connectTestNeo4j();
  let restoreEnv = (): void => undefined;

  beforeAll(async () => {
    await emptyDatabase(connection);
    restoreEnv = pointImporterAtTestNeo4j();
  });

  afterAll(async () => {
    restoreEnv();
    await connection.close();
  });

  it('re-applies a merge after the documents are imported again, so the merged entity stays merged', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-replay-'));
    for (const name of readdirSync(CORPUS)) copyFileSync(path.join(CORPUS, name), path.join(dir, name));
    expect((await runCli([dir])).code).toBe(0);

    const people = await connection.driver.executeQuery(
      "MATCH (p:Person) WHERE p.name IN ['Kim Jong Un', 'Kim Yo Jong'] RETURN p.id AS id ORDER BY p.name",
    );
    const [survivorId, mergedId] = people.records.map((r) => r.get('id') as string);
    expect(mergedId).toBeDefined();
    await applyAndRecordCuration(
      connection,
      { kind: 'merge', survivorId, mergedId },
      { author: 'Ada', authorId: 'p1', workshopId: 'w1' },
    );

    // Edited copies replace every document: the importer recreates the merged-away entity, the replay merges it again.
    for (const name of readdirSync(dir)) appendFileSync(path.join(dir, name), '\n');
    const second = await runCli([dir]);
    expect(second.code).toBe(0);
    expect(second.err).toMatch(/Re-applied \d+ analyst curation/);

    const ids = await connection.driver.executeQuery('MATCH (p:Person) WHERE p.id IN [$a, $b] RETURN p.id AS id', {
      a: survivorId,
      b: mergedId,
    });
    expect(ids.records.map((r) => r.get('id'))).toEqual([survivorId]);
  }, 400_000);
});
