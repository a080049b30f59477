import type { ImportChanges } from '../../../../graph/model/api-types';
import { combineChanges } from '../../../../graph/neo4j/import-changes-repository';
import { decodeImportChanges, encodeImportChanges } from '../../../../graph/neo4j/storage/import-changes-codec';
import { withDriverIntegers } from '../../../../graph/neo4j/storage/driver-values';

const changes: ImportChanges = {
  newEntities: [{ id: 'person:shoigu', name: 'Sergei Shoigu', type: 'Person' }],
  newRelations: [{ id: 'rel:1', type: 'MET_WITH', source: 'person:shoigu', target: 'person:kim' }],
  gainedEvidence: [{ id: 'rel:2', type: 'MET_WITH', source: 'person:kim', target: 'person:putin', added: 2 }],
  gainedAliases: [{ id: 'person:putin', name: 'Vladimir Putin', type: 'Person', aliases: ['Putin', 'V. Putin'] }],
};

describe('the import changes codec', () => {
  it('reads back what it wrote, driver integers included', () => {
    expect(decodeImportChanges(withDriverIntegers(encodeImportChanges(changes)))).toEqual(changes);
  });

  it('writes only flat lists, which Neo4j can store', () => {
    for (const value of Object.values(encodeImportChanges(changes))) {
      expect(Array.isArray(value)).toBe(true);
      for (const item of value) expect(['string', 'number']).toContain(typeof item);
    }
  });

  it('reads an entry written before changes were kept as no change', () => {
    expect(decodeImportChanges({ id: 'doclog-1', action: 'imported' })).toEqual({
      newEntities: [],
      newRelations: [],
      gainedEvidence: [],
      gainedAliases: [],
    });
  });
});

describe('several imports told as one', () => {
  it('counts what one created and a later one added to as new, once', () => {
    const later: ImportChanges = {
      newEntities: [],
      newRelations: [],
      gainedEvidence: [
        { id: 'rel:1', type: 'MET_WITH', source: 'person:shoigu', target: 'person:kim', added: 1 },
        { id: 'rel:2', type: 'MET_WITH', source: 'person:kim', target: 'person:putin', added: 1 },
      ],
      gainedAliases: [
        { id: 'person:shoigu', name: 'Sergei Shoigu', type: 'Person', aliases: ['Shoigu'] },
        { id: 'person:putin', name: 'Vladimir Putin', type: 'Person', aliases: ['Putin', 'President Putin'] },
      ],
    };
    const combined = combineChanges([changes, later]);
    expect(combined.newEntities).toEqual(changes.newEntities);
    expect(combined.newRelations).toEqual(changes.newRelations);
    expect(combined.gainedEvidence).toEqual([{ ...changes.gainedEvidence[0], added: 3 }]);
    expect(combined.gainedAliases).toEqual([
      { ...changes.gainedAliases[0], aliases: ['Putin', 'V. Putin', 'President Putin'] },
    ]);
  });
});
