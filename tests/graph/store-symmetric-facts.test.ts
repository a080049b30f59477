import { documentId, entityId, relationId, sha256 } from '../../graph/model/ids';
import type { EntityRecord, ExtractedDocument } from '../../graph/model/types';
import { storeDocument } from '../../graph/neo4j/store-document';
import { connectTestNeo4j, emptyDatabase, rows } from '../support/neo4j';

const ada = entityId('Person', 'Ada Lovelace');
const bob = entityId('Person', 'Bob Babbage');

/** One document stating "first met second" in that order. */
function documentSaying(first: string, second: string): ExtractedDocument {
  const text = `${first} met ${second} in London.`;
  const id = documentId(sha256(text));
  const person = (entity: string, name: string): EntityRecord => ({
    id: entity,
    type: 'Person',
    name,
    aliases: [],
    attributes: {},
    mentions: [],
  });
  return {
    document: {
      id,
      contentHash: sha256(text),
      title: text,
      path: `${id}.txt`,
      fileName: `${id}.txt`,
      format: 'txt',
      wordCount: 6,
      text,
      keptRanges: [[0, text.length]],
    },
    entities: [person(ada, 'Ada Lovelace'), person(bob, 'Bob Babbage')],
    relations: [
      {
        id: relationId('MET_WITH', first === 'Ada Lovelace' ? ada : bob, first === 'Ada Lovelace' ? bob : ada),
        type: 'MET_WITH',
        source: first === 'Ada Lovelace' ? ada : bob,
        target: first === 'Ada Lovelace' ? bob : ada,
        attributes: {},
        evidence: [{ document: id, text, start: 0, end: text.length }],
        confidence: 0.9,
      },
    ],
  };
}

describe('storing symmetric facts', () => {
  const connection = connectTestNeo4j();
  beforeAll(() => emptyDatabase(connection));
  afterAll(() => connection.close());

  it('keeps one MET_WITH edge with both documents as evidence when they state it in opposite orders', async () => {
    await storeDocument(connection, documentSaying('Ada Lovelace', 'Bob Babbage'));
    await storeDocument(connection, documentSaying('Bob Babbage', 'Ada Lovelace'));
    const edges = await rows<{ docs: string[] }>(
      connection,
      'MATCH (:Person)-[r:MET_WITH]->(:Person) RETURN r.evidenceDocs AS docs',
    );
    expect(edges).toHaveLength(1);
    expect(edges[0].docs).toHaveLength(2);
  });
});
