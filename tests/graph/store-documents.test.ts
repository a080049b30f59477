import { DocumentNotStoredError } from '../../graph/errors';
import type { ExtractedDocument } from '../../graph/model/types';
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { storeDocument, storeDocuments } from '../../graph/neo4j/store-document';
import { connectTestNeo4j, emptyDatabase, rows } from '../support/neo4j';
import { DOC_A, DOC_B, DOC_C, koreaDocument } from '../server/workshops/fixtures/korea-import';

const A = koreaDocument(DOC_A);
const B = koreaDocument(DOC_B);
const C = koreaDocument(DOC_C);

/** The same document as another version of the file at `path`. */
function versionOf(document: ExtractedDocument, id: string, path = document.document.path): ExtractedDocument {
  const swap = <T extends { document: string }>(span: T): T => ({ ...span, document: id });
  return {
    document: { ...document.document, id, contentHash: `${id}-hash`, path },
    entities: document.entities.map((e) => ({ ...e, mentions: e.mentions.map(swap) })),
    relations: document.relations.map((r) => ({ ...r, evidence: r.evidence.map(swap) })),
  };
}

/** Every node and relationship with its properties, in a canonical order (import times left out). */
async function dump(connection: Neo4jConnection): Promise<unknown> {
  const nodes = await rows<{ n: unknown }>(
    connection,
    'MATCH (n) RETURN {labels: COLLECT { UNWIND labels(n) AS l RETURN l ORDER BY l }, props: properties(n)} AS n',
  );
  const relationships = await rows<{ r: unknown }>(
    connection,
    'MATCH (a)-[r]->(b) RETURN {type: type(r), from: a.id, to: b.id, props: properties(r)} AS r',
  );
  const canonical = (value: unknown): string =>
    JSON.stringify(value, (key, v) =>
      key === 'importedAt'
        ? undefined
        : v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)))
          : v,
    );
  return {
    nodes: nodes.map((row) => canonical(row.n)).sort(),
    relationships: relationships.map((row) => canonical(row.r)).sort(),
  };
}

let connection: Neo4jConnection;
beforeAll(() => {
  connection = connectTestNeo4j();
});
afterAll(() => connection.close());
beforeEach(() => emptyDatabase(connection));

describe('storing documents in batches', () => {
  it('leaves the graph that storing the same documents one by one leaves', async () => {
    for (const document of [A, B, C]) await storeDocument(connection, document);
    const oneByOne = (await dump(connection)) as { relationships: string[] };
    expect(oneByOne.relationships.length).toBeGreaterThan(10);
    await emptyDatabase(connection);
    const report = await storeDocuments(connection, [A, B, C], { batchSize: 3 });
    expect(report.stored.map((r) => r.outcome)).toEqual(['created', 'created', 'created']);
    expect(report.failed).toEqual([]);
    expect(await dump(connection)).toEqual(oneByOne);
  });

  it('stores the other documents of a failing batch and names the one Neo4j refused', async () => {
    // A list of mixed types passes the importer's checks, but Neo4j cannot store it as a property.
    const bad = versionOf(B, 'doc-bad', 'bad.txt');
    bad.entities[0] = { ...bad.entities[0], aliases: ['North Korea', 7 as unknown as string] };
    const failed: string[] = [];
    const report = await storeDocuments(connection, [A, bad, C], {
      batchSize: 3,
      onFailed: (error) => failed.push(error.message),
    });
    expect(report.stored.map((r) => r.documentId)).toEqual(['doc-a', 'doc-c']);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]).toBeInstanceOf(DocumentNotStoredError);
    expect(report.failed[0]).toMatchObject({
      code: 'DOCUMENT_NOT_STORED',
      details: { documentId: 'doc-bad', path: 'bad.txt' },
    });
    expect(failed).toEqual([expect.stringMatching(/^bad\.txt: not stored/)]);
    const documents = await rows<{ id: string }>(connection, 'MATCH (d:Document) RETURN d.id AS id ORDER BY id');
    expect(documents.map((d) => d.id)).toEqual(['doc-a', 'doc-c']);
  });

  it('lets a later version of a file in the same batch replace the earlier one', async () => {
    const v2 = versionOf(A, 'doc-a-2');
    const report = await storeDocuments(connection, [A, B, v2], { batchSize: 10 });
    expect(report.stored).toEqual([
      { outcome: 'created', documentId: 'doc-a', replacedDocumentIds: [] },
      { outcome: 'created', documentId: 'doc-b', replacedDocumentIds: [] },
      { outcome: 'replaced', documentId: 'doc-a-2', replacedDocumentIds: ['doc-a'] },
    ]);
    const documents = await rows<{ id: string }>(connection, 'MATCH (d:Document) RETURN d.id AS id ORDER BY id');
    expect(documents.map((d) => d.id)).toEqual(['doc-a-2', 'doc-b']);
    const evidence = await rows<{ docs: string[] }>(
      connection,
      'MATCH ()-[r:SIGNED]->() RETURN r.evidenceDocs AS docs',
    );
    expect(evidence).toEqual([{ docs: ['doc-a-2'] }]);
  });

  it('stores the same content found twice in one batch once', async () => {
    const copy = { ...A, document: { ...A.document, path: 'copy-of-a.txt' } };
    const report = await storeDocuments(connection, [A, copy], { batchSize: 2 });
    expect(report.stored.map((r) => r.outcome)).toEqual(['created', 'unchanged']);
    const [{ mentions }] = await rows<{ mentions: { toNumber(): number } }>(
      connection,
      "MATCH (:Entity)-[m:MENTIONED_IN]->(:Document {id: 'doc-a'}) RETURN sum(size(m.starts)) AS mentions",
    );
    expect(mentions.toNumber()).toBe(5);
  });

  it('stops between batches when asked, leaving the documents it did not try', async () => {
    let batches = 0;
    const report = await storeDocuments(connection, [A, B, C], {
      batchSize: 2,
      onStored: () => undefined,
      stopped: () => batches++ > 0,
    });
    expect(report.stored.map((r) => r.documentId)).toEqual(['doc-a', 'doc-b']);
    expect(report.notAttempted.map((d) => d.document.id)).toEqual(['doc-c']);
  });
});
