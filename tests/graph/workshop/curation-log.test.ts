import type { Neo4jConnection } from '../../../graph/neo4j/connection';
import { applyAndRecordCuration, replayCurations, undoCuration } from '../../../graph/neo4j/curation-repository';
import { captureSnapshot, comparableSnapshot } from '../../../graph/neo4j/curation-snapshot';
import { relationId } from '../../../graph/model/ids';
import { removeStoredDocument, storeDocument } from '../../../graph/neo4j/store-document';
import { connectTestNeo4j, countAll, emptyDatabase } from '../../support/neo4j';
import { DOC_C, IDS, importKorea, koreaDocument, reimportKorea } from '../../server/workshops/fixtures/korea-import';
import { inSession } from '../../../graph/neo4j/transaction';

const actor = { author: 'Ada', authorId: 'par-1', workshopId: 'ws-1' };
let connection: Neo4jConnection;

async function graphState(): Promise<unknown> {
  return inSession(connection, 'read', async (session) => {
    const ids = await session.run('MATCH (n:Entity) RETURN collect(n.id) AS ids');
    const rels = await session.run('MATCH ()-[r]->() WHERE r.id IS NOT NULL RETURN collect(r.id) AS ids');
    return await session.executeRead(async (tx) =>
      comparableSnapshot(
        await captureSnapshot(tx, { entityIds: ids.records[0].get('ids'), relationIds: rels.records[0].get('ids') }),
      ),
    );
  });
}

async function query<T = unknown>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  return inSession(connection, 'read', async (session) => {
    const result = await session.run(cypher, params);
    return result.records.map((r) => r.toObject() as T);
  });
}

beforeAll(() => {
  connection = connectTestNeo4j();
});
afterAll(async () => {
  await connection.close();
});
beforeEach(async () => {
  await emptyDatabase(connection);
  await importKorea(connection);
});

describe('the curation log', () => {
  it('merges an entity: aliases, mentions and relations move to the survivor', async () => {
    const record = await applyAndRecordCuration(
      connection,
      { kind: 'merge', survivorId: IDS.northKorea, mergedId: IDS.dprk },
      actor,
    );
    expect(record.seq).toBe(1);
    expect(record.before.entities[IDS.dprk]).not.toBeNull();
    expect(record.after.entities[IDS.dprk]).toBeNull();
    const [nk] = await query<{ aliases: string[]; mergedIds: string[] }>(
      'MATCH (n:Entity {id: $id}) RETURN n.aliases AS aliases, n.mergedIds AS mergedIds',
      { id: IDS.northKorea },
    );
    expect(nk.aliases).toEqual(expect.arrayContaining(['DPRK', 'D.P.R.K.', 'Democratic People’s Republic of Korea']));
    expect(nk.mergedIds).toEqual([IDS.dprk]);
    expect(await query('MATCH (n:Entity {id: $id}) RETURN n', { id: IDS.dprk })).toHaveLength(0);
    const signed = await query<{ id: string }>(
      'MATCH (:Entity {id: $nk})-[r:SIGNED]->(:Entity {id: $t}) RETURN r.id AS id',
      { nk: IDS.northKorea, t: IDS.armistice },
    );
    expect(signed).toEqual([{ id: relationId('SIGNED', IDS.dprk, IDS.armistice) }]);
    const mentions = await query<{ c: { toNumber(): number } }>(
      'MATCH (:Entity {id: $nk})-[m:MENTIONED_IN]->(:Document) RETURN sum(size(m.starts)) AS c',
      { nk: IDS.northKorea },
    );
    expect(mentions[0].c.toNumber()).toBe(5);
  });

  it('undo restores exactly the previous state', async () => {
    const before = await graphState();
    const counts = await countAll(connection);
    await applyAndRecordCuration(connection, { kind: 'merge', survivorId: IDS.northKorea, mergedId: IDS.dprk }, actor);
    await applyAndRecordCuration(
      connection,
      { kind: 'rename', entityId: IDS.northKorea, name: 'DPR Korea', keepOldNameAsAlias: true },
      actor,
    );
    await applyAndRecordCuration(
      connection,
      { kind: 'dispute-relation', relationId: relationId('VISITED', IDS.kim, IDS.pyongyang), note: 'one source only' },
      actor,
    );
    await applyAndRecordCuration(connection, { kind: 'change-type', entityId: IDS.pyongyang, type: 'State' }, actor);
    await applyAndRecordCuration(connection, { kind: 'split-alias', entityId: IDS.kim, alias: 'Great Leader' }, actor);
    await applyAndRecordCuration(
      connection,
      { kind: 'delete-relation', relationId: relationId('PARTY_TO', IDS.northKorea, IDS.armistice) },
      actor,
    );
    await applyAndRecordCuration(
      connection,
      {
        kind: 'add-relation',
        type: 'OPPOSES',
        sourceId: IDS.kim,
        targetId: IDS.armistice,
        sourceNote: 'memoirs, p. 12',
      },
      actor,
    );
    expect(await graphState()).not.toEqual(before);
    for (let i = 0; i < 7; i++) await undoCuration(connection, 'Ada');
    expect(await graphState()).toEqual(before);
    expect(await countAll(connection)).toEqual({ nodes: counts.nodes + 7, relationships: counts.relationships });
  });

  it('refuses to undo an older curation before the later ones', async () => {
    const first = await applyAndRecordCuration(
      connection,
      { kind: 'rename', entityId: IDS.kim, name: 'Kim Il-sung', keepOldNameAsAlias: true },
      actor,
    );
    await applyAndRecordCuration(connection, { kind: 'change-type', entityId: IDS.pyongyang, type: 'State' }, actor);
    await expect(undoCuration(connection, 'Ada', { curationId: first.id })).rejects.toMatchObject({
      name: 'InvalidInputError',
    });
  });

  it('replays after a re-import of the same documents: the merged entity stays merged, a deleted relation stays deleted', async () => {
    await applyAndRecordCuration(connection, { kind: 'merge', survivorId: IDS.northKorea, mergedId: IDS.dprk }, actor);
    await applyAndRecordCuration(
      connection,
      { kind: 'delete-relation', relationId: relationId('VISITED', IDS.kim, IDS.pyongyang) },
      actor,
    );
    await applyAndRecordCuration(connection, { kind: 'split-alias', entityId: IDS.kim, alias: 'Great Leader' }, actor);
    await applyAndRecordCuration(
      connection,
      { kind: 'rename', entityId: IDS.armistice, name: 'Korean Armistice Agreement', keepOldNameAsAlias: true },
      actor,
    );
    const curated = await graphState();

    await reimportKorea(connection);
    expect(await query('MATCH (n:Entity {id: $id}) RETURN n', { id: IDS.dprk })).toHaveLength(1);
    const summary = await replayCurations(connection);
    expect(summary.failed).toEqual([]);
    expect(await query('MATCH (n:Entity {id: $id}) RETURN n', { id: IDS.dprk })).toHaveLength(0);
    expect(await query('MATCH ()-[r:VISITED]->() RETURN r')).toHaveLength(0);
    expect(await graphState()).toEqual(curated);

    const again = await replayCurations(connection);
    expect(again).toEqual({ applied: 0, unchanged: 4, skipped: [], failed: [] });
    expect(await graphState()).toEqual(curated);
  });

  it('undo after a replay restores the state the re-import left', async () => {
    await applyAndRecordCuration(connection, { kind: 'merge', survivorId: IDS.northKorea, mergedId: IDS.dprk }, actor);
    await reimportKorea(connection);
    await replayCurations(connection);
    await undoCuration(connection, 'Ada');
    expect(await query('MATCH (n:Entity {id: $id}) RETURN n', { id: IDS.dprk })).toHaveLength(1);
  });
});

describe('undo after an import that added to a curated entity', () => {
  const supplies = relationId('SUPPLIES', IDS.northKorea, IDS.pyongyang);
  const importThirdDocument = () => storeDocument(connection, koreaDocument(DOC_C));

  it('keeps what the import added when the merge is undone', async () => {
    const before = await graphState();
    await applyAndRecordCuration(connection, { kind: 'merge', survivorId: IDS.northKorea, mergedId: IDS.dprk }, actor);
    await importThirdDocument();
    expect(await replayCurations(connection)).toEqual({ applied: 0, unchanged: 1, skipped: [], failed: [] });
    await undoCuration(connection, 'Ada');
    expect(await query('MATCH (n:Entity {id: $id}) RETURN n', { id: IDS.dprk })).toHaveLength(1);
    expect(
      await query('MATCH (:Entity {id: $nk})-[m:MENTIONED_IN]->(:Document {id: $doc}) RETURN m', {
        nk: IDS.northKorea,
        doc: DOC_C.id,
      }),
    ).toHaveLength(1);
    expect(await query('MATCH ()-[r {id: $id}]->() RETURN r', { id: supplies })).toHaveLength(1);
    await importThirdDocumentUndo();
    expect(await graphState()).toEqual(before);
  });

  async function importThirdDocumentUndo(): Promise<void> {
    await removeStoredDocument(connection, DOC_C.id);
    await inSession(connection, 'write', async (session) => {
      await session.run(`MATCH (n:Entity {id: $nk}) REMOVE n.population`, { nk: IDS.northKorea });
    });
  }

  it('still refuses an undo when the graph changed and no replay carried the change over', async () => {
    await applyAndRecordCuration(connection, { kind: 'merge', survivorId: IDS.northKorea, mergedId: IDS.dprk }, actor);
    await importThirdDocument();
    await expect(undoCuration(connection, 'Ada')).rejects.toMatchObject({ name: 'InvalidInputError' });
  });
});
