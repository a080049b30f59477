/**
 * A document imported later joins the entities already in the database: importing the bundled corpus one
 * document at a time gives the same entities, the same facts and the same evidence as importing it whole.
 */
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../import/cli';
import { connectTestNeo4j, emptyDatabase, pointImporterAtTestNeo4j } from '../support/neo4j';

const CORPUS = path.join(__dirname, '..', '..', 'data', 'corpus');

async function runCli(args: string[]): Promise<number> {
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const error = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return await main(args);
  } finally {
    out.mockRestore();
    error.mockRestore();
  }
}

describe('importing documents one at a time', () => {
  const connection = connectTestNeo4j();
  let restoreEnv = (): void => undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-incremental-'));
  const files = readdirSync(CORPUS).sort();
  for (const name of files) copyFileSync(path.join(CORPUS, name), path.join(dir, name));

  beforeAll(() => {
    restoreEnv = pointImporterAtTestNeo4j();
  });

  afterAll(async () => {
    restoreEnv();
    await emptyDatabase(connection);
    await connection.close();
  });

  async function graphDump(): Promise<{ entities: string[]; facts: string[] }> {
    const entities = await connection.driver.executeQuery('MATCH (e:Entity) RETURN e.id AS id ORDER BY id');
    const facts = await connection.driver.executeQuery(
      `MATCH (a:Entity)-[r]->(b:Entity) WHERE r.evidenceTexts IS NOT NULL
       RETURN a.id + ' ' + type(r) + ' ' + b.id + ' ' + toString(size(r.evidenceTexts)) AS fact ORDER BY fact`,
    );
    return {
      entities: entities.records.map((r) => r.get('id') as string),
      facts: facts.records.map((r) => r.get('fact') as string),
    };
  }

  it('gives the graph that importing them together gives', async () => {
    await emptyDatabase(connection);
    expect(await runCli([dir])).toBe(0);
    const together = await graphDump();

    await emptyDatabase(connection);
    for (const name of files) expect(await runCli([path.join(dir, name)])).toBe(0);
    const oneByOne = await graphDump();

    expect(together.entities.length).toBeGreaterThan(50);
    expect(oneByOne.entities).toEqual(together.entities);
    expect(oneByOne.facts).toEqual(together.facts);
  });
});
