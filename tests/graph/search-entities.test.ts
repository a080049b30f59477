import { entityId, sha256 } from '../../graph/model/ids';
import type { ExtractedDocument } from '../../graph/model/types';
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { buildFulltextQueries } from '../../graph/neo4j/fulltext-query';
import { searchEntities } from '../../graph/neo4j/graph-repository';
import { storeDocument } from '../../graph/neo4j/store-document';
import { connectTestNeo4j, emptyDatabase } from '../support/neo4j';

/** Two people whose names are one letter apart: what a typo-tolerant search could take for each other. */
const TEXT = 'Shoigu met Shoiga in Moscow.';

function twoNamesDocument(): ExtractedDocument {
  const person = (name: string) => {
    const start = TEXT.indexOf(name);
    return {
      id: entityId('Person', name),
      type: 'Person' as const,
      name,
      aliases: [],
      attributes: {},
      mentions: [{ document: 'doc-names', start, end: start + name.length, text: name }],
    };
  };
  return {
    document: {
      id: 'doc-names',
      contentHash: sha256(TEXT),
      title: 'Two names',
      path: 'doc-names.txt',
      fileName: 'doc-names.txt',
      format: 'txt',
      wordCount: TEXT.split(/\s+/).length,
      text: TEXT,
      keptRanges: [[0, TEXT.length]],
    },
    entities: [person('Shoigu'), person('Shoiga')],
    relations: [],
  };
}

describe('buildFulltextQueries', () => {
  it('asks for exact and prefix matches first and keeps the typo-tolerant terms apart', () => {
    expect(buildFulltextQueries('Shoigu')).toEqual({
      strict: '(shoigu^4 OR shoigu*^2)',
      fuzzy: '(shoigu^4 OR shoigu*^2 OR shoigu~2)',
    });
    expect(buildFulltextQueries('kim')).toEqual({ strict: '(kim^4 OR kim*^2)', fuzzy: null });
    expect(buildFulltextQueries('  ?! ')).toBeNull();
  });
});

describe('searchEntities', () => {
  let connection: Neo4jConnection;
  beforeAll(async () => {
    connection = connectTestNeo4j();
    await emptyDatabase(connection);
    await storeDocument(connection, twoNamesDocument());
  });
  afterAll(() => connection.close());

  const names = async (q: string) => (await searchEntities(connection, q, [], 10)).hits.map((hit) => hit.name);

  it('answers an exact or prefix match alone, without names a typo away', async () => {
    expect(await names('Shoigu')).toEqual(['Shoigu']);
    expect((await names('Shoig')).sort()).toEqual(['Shoiga', 'Shoigu']);
  });

  it('tries typos only when exact and prefix matches find nothing', async () => {
    expect((await names('Shoigx')).sort()).toEqual(['Shoiga', 'Shoigu']);
  });
});
