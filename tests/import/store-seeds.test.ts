/**
 * Integration: the seeds go into the test Neo4j (one transaction per document), a second import changes
 * nothing, and an edited copy of one document replaces that document's facts and nothing else.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { removeStoredDocument, storeDocument } from '../../graph/neo4j/store-document';
import { extractWithEngine } from '../support/engine';
import { connectTestNeo4j, countAll, emptyDatabase, rows as query } from '../support/neo4j';

const corpus = path.join(__dirname, '..', '..', 'data', 'corpus');

async function importFiles(
  connection: Neo4jConnection,
  files: Array<{ path: string; displayPath: string }>,
): Promise<string[]> {
  const { documents, failures } = await extractWithEngine(files);
  expect(failures).toEqual([]);
  const outcomes: string[] = [];
  for (const d of documents) outcomes.push((await storeDocument(connection, d)).outcome);
  return outcomes;
}

// A cold database on a busy machine compiles every statement once: allow for it.
jest.setTimeout(180_000);

describe('storing the seed corpus in Neo4j', () => {
  let connection: Neo4jConnection;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-store-'));
  const names = readdirSync(corpus)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const files = names.map((f) => {
    copyFileSync(path.join(corpus, f), path.join(dir, f));
    return { path: path.join(dir, f), displayPath: `corpus/${f}` };
  });

  beforeAll(async () => {
    connection = connectTestNeo4j();
    await emptyDatabase(connection);
  });
  afterAll(async () => {
    await connection.close();
  });

  it('stores documents, labelled entities, mentions and facts with evidence', async () => {
    expect(await importFiles(connection, files)).toEqual(names.map(() => 'created'));
    const [docs] = await query<{ n: { toNumber(): number } }>(connection, 'MATCH (d:Document) RETURN count(d) AS n');
    expect(docs.n.toNumber()).toBe(names.length);
    const [putin] = await query<{ labels: string[]; aliases: string[] }>(
      connection,
      "MATCH (p:Entity {id: 'person:vladimir-putin'}) RETURN labels(p) AS labels, p.aliases AS aliases",
    );
    expect(putin.labels.sort()).toEqual(['Entity', 'Person']);
    expect(putin.aliases).toContain('Putin');
    const [mention] = await query<{ starts: unknown[]; texts: string[] }>(
      connection,
      "MATCH (:Entity {id: 'person:vladimir-putin'})-[m:MENTIONED_IN]->(:Document) RETURN m.starts AS starts, m.texts AS texts LIMIT 1",
    );
    expect(mention.starts.length).toBe(mention.texts.length);
    const [fact] = await query<{ docs: string[]; texts: string[]; evidence: string[]; confidence: number }>(
      connection,
      "MATCH (:Entity {id: 'state:north-korea'})-[r:COOPERATES_WITH]-(:Entity {id: 'state:russia'}) RETURN r.evidenceDocs AS docs, r.evidenceTexts AS texts, r.evidence AS evidence, r.confidence AS confidence",
    );
    expect(new Set(fact.docs).size).toBeGreaterThan(1); // one edge, evidence from several documents
    expect(fact.texts).toHaveLength(fact.docs.length);
    expect(JSON.parse(fact.evidence[0])).toMatchObject({ document: fact.docs[0], text: fact.texts[0] });
    expect(fact.confidence).toBeGreaterThan(0);
  });

  it('changes nothing when the same content is imported again', async () => {
    const before = await countAll(connection);
    expect(await importFiles(connection, files)).toEqual(names.map(() => 'unchanged'));
    expect(await countAll(connection)).toEqual(before);
  });

  it('replaces what the previous version of an edited file contributed, and nothing else', async () => {
    const edited = files[4]; // the 38 North article on the 1961 and 2000 treaties
    const others = await query<{ n: { toNumber(): number } }>(
      connection,
      'MATCH ()-[r]->() WHERE r.evidenceDocs IS NOT NULL AND any(d IN r.evidenceDocs WHERE d <> $doc) RETURN count(r) AS n',
      {
        doc: (
          await query<{ id: string }>(connection, 'MATCH (d:Document {path: $p}) RETURN d.id AS id', {
            p: edited.displayPath,
          })
        )[0].id,
      },
    );
    const original = readFileSync(edited.path, 'utf8');
    writeFileSync(
      edited.path,
      original
        .replace(/Article 1 of the 1961[^\n]*\n?/, '')
        .replace(/The 2000 DPRK-Russia Treaty[^.]*\./, 'The two countries renewed their ties.'),
    );
    expect(await importFiles(connection, [edited])).toEqual(['replaced']);

    const docs = await query<{ id: string }>(connection, 'MATCH (d:Document {path: $p}) RETURN d.id AS id', {
      p: edited.displayPath,
    });
    expect(docs).toHaveLength(1);
    const superseded = await query(connection, 'MATCH ()-[r:SUPERSEDES]->() RETURN r');
    expect(superseded).toEqual([]);
    const treaty1961 = await query(
      connection,
      "MATCH (t:Treaty) WHERE t.name STARTS WITH 'DPRK-Soviet Union' RETURN t",
    );
    expect(treaty1961).toEqual([]);
    // facts that other documents support are still there
    const [after] = await query<{ n: { toNumber(): number } }>(
      connection,
      'MATCH ()-[r]->() WHERE r.evidenceDocs IS NOT NULL AND any(d IN r.evidenceDocs WHERE d <> $doc) RETURN count(r) AS n',
      {
        doc: docs[0].id,
      },
    );
    expect(after.n.toNumber()).toBe(others[0].n.toNumber());
    const stale = await query(
      connection,
      'MATCH ()-[r]->() WHERE r.evidenceDocs IS NOT NULL AND size(r.evidenceDocs) = 0 RETURN r',
    );
    expect(stale).toEqual([]);
  });

  it('removes a document with its facts and the entities only it mentioned', async () => {
    const [doc] = await query<{ id: string }>(connection, 'MATCH (d:Document {path: $p}) RETURN d.id AS id', {
      p: files[3].displayPath,
    });
    await removeStoredDocument(connection, doc.id);
    expect(await query(connection, "MATCH (e:Entity {id: 'person:antony-blinken'}) RETURN e")).toEqual([]);
    expect(await query(connection, 'MATCH ()-[r]->() WHERE $doc IN r.evidenceDocs RETURN r', { doc: doc.id })).toEqual(
      [],
    );
    expect((await query(connection, "MATCH (e:Entity {id: 'state:russia'}) RETURN e")).length).toBe(1);
  });

  it('leaves nothing of a document whose transaction fails half-way', async () => {
    const { documents } = await extractWithEngine([{ path: files[3].path, displayPath: 'corpus/broken-copy.txt' }]);
    const [doc] = documents;
    const broken = {
      ...doc,
      document: { ...doc.document, id: 'doc-broken0000000000', path: 'corpus/broken-copy.txt' },
      relations: [...doc.relations, { ...doc.relations[0], id: 'rel:broken', type: 'NOT_A_RELATION' as never }],
    };
    const before = await countAll(connection);
    await expect(storeDocument(connection, broken)).rejects.toThrow('unknown relation type');
    expect(await query(connection, "MATCH (d:Document {id: 'doc-broken0000000000'}) RETURN d")).toEqual([]);
    expect(await countAll(connection)).toEqual(before);
  });
});
