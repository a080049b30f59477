import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { applyAndRecordCuration } from '../../graph/neo4j/curation-repository';
import { importDocuments, removeDocument } from '../../graph/neo4j/document-changes';
import { removeStoredDocument } from '../../graph/neo4j/store-document';
import { inWrite } from '../../graph/neo4j/transaction';
import { connectTestNeo4j, emptyDatabase, rows } from '../support/neo4j';
import { DOC_A, DOC_B, IDS, importKorea, koreaDocument } from '../server/workshops/fixtures/korea-import';

const actor = { author: 'Ada', authorId: 'par-1', workshopId: 'ws-1' };
let connection: Neo4jConnection;
const entityExists = async (id: string) =>
  (await rows(connection, 'MATCH (n:Entity {id: $id}) RETURN n.id', { id })).length === 1;

beforeAll(() => {
  connection = connectTestNeo4j();
});
afterAll(() => connection.close());
beforeEach(async () => {
  await emptyDatabase(connection);
  await importKorea(connection);
  await applyAndRecordCuration(connection, { kind: 'merge', survivorId: IDS.northKorea, mergedId: IDS.dprk }, actor);
});

describe('importDocuments', () => {
  it('re-applies the curations once the documents are stored, so an import never undoes a merge', async () => {
    for (const doc of [DOC_A, DOC_B]) await removeStoredDocument(connection, doc.id);
    const report = await importDocuments(connection, [koreaDocument(DOC_A), koreaDocument(DOC_B)]);
    expect(report.stored.map((result) => result.outcome)).toEqual(['created', 'created']);
    expect(report.replay).toEqual({
      status: 'replayed',
      summary: { applied: 1, unchanged: 0, skipped: [], failed: [] },
    });
    expect(await entityExists(IDS.dprk)).toBe(false);
  });

  it('replays nothing when nothing was stored', async () => {
    const report = await importDocuments(connection, []);
    expect(report.replay).toEqual({ status: 'not-needed' });
  });

  it('keeps the documents stored and reports the replay that failed', async () => {
    await removeStoredDocument(connection, DOC_A.id);
    // A curation whose stored payload no longer reads: its replay fails, the import does not.
    await inWrite(connection, (tx) => tx.run("MATCH (c:Curation) SET c.payloadJson = '{'"));
    const report = await importDocuments(connection, [koreaDocument(DOC_A)]);
    expect(report.stored.map((result) => result.outcome)).toEqual(['created']);
    expect(report.replay).toMatchObject({ status: 'replayed', summary: { applied: 0, failed: [{ seq: 1 }] } });
  });
});

describe('removeDocument', () => {
  it('removes what only the document said, then re-applies the curations', async () => {
    const { replay } = await removeDocument(connection, DOC_B.id);
    expect(replay).toEqual({ status: 'replayed', summary: { applied: 0, unchanged: 1, skipped: [], failed: [] } });
    expect(await entityExists(IDS.pyongyang)).toBe(false);
    expect(await entityExists(IDS.dprk)).toBe(false);
  });
});
