/** What each stored document changes, worked out at store time (graph/neo4j/import-changes.ts). */
import type { ImportChanges } from '../../graph/model/api-types';
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { storeDocument, storeDocuments } from '../../graph/neo4j/store-document';
import { connectTestNeo4j, emptyDatabase } from '../support/neo4j';
import { DOC_A, DOC_B, DOC_C, koreaDocument } from '../server/workshops/fixtures/korea-import';

const A = koreaDocument(DOC_A);
const B = koreaDocument(DOC_B);
const C = koreaDocument(DOC_C);
const audit = { by: { name: 'test' } };

let connection: Neo4jConnection;
beforeAll(() => {
  connection = connectTestNeo4j();
});
afterAll(() => connection.close());
beforeEach(() => emptyDatabase(connection));

describe('the changes of each stored document', () => {
  it('are the same whether the documents go one by one or in one batch', async () => {
    const oneByOne: ImportChanges[] = [];
    for (const document of [A, B, C]) oneByOne.push((await storeDocument(connection, document, { audit })).changes!);
    await emptyDatabase(connection);
    const report = await storeDocuments(connection, [A, B, C], { batchSize: 3, audit });
    expect(report.stored.map((r) => r.changes)).toEqual(oneByOne);
    // The first finds nothing stored; a later one finds what the earlier ones created.
    expect(oneByOne[0].newEntities.map((e) => e.id).sort()).toEqual(A.entities.map((e) => e.id).sort());
    expect(oneByOne[0].gainedEvidence).toEqual([]);
    const shared = B.entities.filter((e) => A.entities.some((a) => a.id === e.id)).map((e) => e.id);
    expect(shared.length).toBeGreaterThan(0);
    for (const id of shared) expect(oneByOne[1].newEntities.map((e) => e.id)).not.toContain(id);
  });

  it('are worked out only for an audited import', async () => {
    const [result] = (await storeDocuments(connection, [A])).stored;
    expect(result.changes).toBeUndefined();
  });
});
