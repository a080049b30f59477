/**
 * A database written before workshop data left Neo4j: start-up moves every workshop node and hypothesis
 * into the store, where codes and tokens keep working, and leaves nothing of them in the graph.
 */
import type { Neo4jConnection } from '../../../graph/neo4j/connection';
import { moveWorkshopDataOutOfNeo4j } from '../../../graph/neo4j/workshop-migration';
import { hashSecret } from '../../../graph/workshop/secrets';
import { listHypotheses, joinWorkshop, participantForToken } from '../../../graph/workshop-store/workshop-repository';
import { WorkshopStore } from '../../../graph/workshop-store/workshop-store';
import { connectTestNeo4j, emptyDatabase, rows } from '../../support/neo4j';
import { IDS, importKorea } from '../../server/workshops/fixtures/korea-import';
import { inSession } from '../../../graph/neo4j/transaction';

let connection: Neo4jConnection;

beforeAll(async () => {
  connection = connectTestNeo4j();
  await emptyDatabase(connection);
  await importKorea(connection);
});
afterAll(async () => {
  await connection.close();
});

it('moves old workshop nodes and HYPOTHESIS relationships into the store, once, and out of the graph', async () => {
  await inSession(connection, 'write', async (session) => {
    await session.run(
      `CREATE (w:Workshop {id: 'ws-old', name: 'Old desk', createdAt: '2026-01-01', createdBy: 'Ada', presentation: ['view-old'],
                           editorCodeHash: $editorHash, viewerCodeHash: $viewerHash})
       CREATE (w)-[:HAS_PARTICIPANT]->(:Participant {id: 'par-old', workshop: 'ws-old', displayName: 'Ada', role: 'editor',
                                                     tokenHash: $tokenHash, joinedAt: '2026-01-01'})
       CREATE (w)-[:HAS_VIEW]->(:SavedView {id: 'view-old', workshop: 'ws-old', name: 'Old view', cameraJson: '{"x":1,"y":2,"ratio":1,"angle":0}',
                                           nodeIds: [$kim], author: 'Ada', authorId: 'par-old', createdAt: '2026-01-01', updatedAt: '2026-01-01'})
       CREATE (w)-[:HAS_ANNOTATION]->(:Annotation {id: 'ann-old', workshop: 'ws-old', targetKind: 'node', targetId: $kim, text: 'Old note',
                                                  author: 'Ada', authorId: 'par-old', createdAt: '2026-01-01'})
       WITH w MATCH (a:Entity {id: $kim}), (b:Entity {id: $armistice})
       CREATE (a)-[:HYPOTHESIS {id: 'hyp-old', label: 'signed secretly', note: '', author: 'Ada', authorId: 'par-old',
                                createdAt: '2026-01-01', workshop: 'ws-old'}]->(b)`,
      {
        editorHash: hashSecret('EDITORCODE123456'),
        viewerHash: hashSecret('VIEWERCODE123456'),
        tokenHash: hashSecret('old-token'),
        kim: IDS.kim,
        armistice: IDS.armistice,
      },
    );
  });
  const store = WorkshopStore.inMemory();
  expect(await moveWorkshopDataOutOfNeo4j(connection, store)).toBe(5);
  expect(await moveWorkshopDataOutOfNeo4j(connection, store)).toBe(0);

  expect(participantForToken(store, 'ws-old', 'old-token')).toMatchObject({ id: 'par-old', role: 'editor' });
  expect(joinWorkshop(store, 'viewe-rcod-e123-456', 'Vic').participant.role).toBe('viewer');
  expect(store.get('views', 'view-old')).toMatchObject({ camera: { x: 1, y: 2 }, nodeIds: [IDS.kim] });
  expect(store.get('annotations', 'ann-old')).toMatchObject({ text: 'Old note', targetId: IDS.kim });
  expect(await listHypotheses(store, connection, 'ws-old', {})).toEqual([
    expect.objectContaining({ id: 'hyp-old', sourceId: IDS.kim, targetId: IDS.armistice, label: 'signed secretly' }),
  ]);

  const left = await rows(
    connection,
    `MATCH (n) WHERE n:Workshop OR n:Participant OR n:SavedView OR n:Annotation RETURN n.id AS id
     UNION MATCH ()-[h:HYPOTHESIS]->() RETURN h.id AS id`,
  );
  expect(left).toEqual([]);
});
