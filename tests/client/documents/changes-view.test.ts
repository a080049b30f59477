import type { ChangedEntity, ImportChangesResponse } from '../../../graph/model/api-types';
import { changesSummary, newEntityIds, touchedEntityIds } from '../../../client/documents/changes-view';
import { lengthText } from '../../../client/documents/documents-panel';

const entity = (id: string, inGraph = true): ChangedEntity => ({ id, name: id, type: 'Person', inGraph });
const changes = (part: Partial<ImportChangesResponse>): ImportChangesResponse => ({
  imports: [],
  newEntities: [],
  newRelations: [],
  gainedEvidence: [],
  gainedAliases: [],
  ...part,
});

describe('what an import changed, as the explorer reads it', () => {
  it('takes the new entities and the ends of new relations that are still in the graph', () => {
    const c = changes({
      newEntities: [entity('shoigu'), entity('merged-away', false)],
      newRelations: [
        { id: 'r1', type: 'MET_WITH', source: entity('shoigu'), target: entity('kim'), inGraph: true },
        { id: 'r2', type: 'MET_WITH', source: entity('lavrov'), target: entity('choe'), inGraph: false },
      ],
      gainedEvidence: [
        { id: 'r3', type: 'MET_WITH', source: entity('putin'), target: entity('kim'), inGraph: true, added: 1 },
      ],
      gainedAliases: [{ ...entity('putin'), aliases: ['Putin'] }],
    });
    expect(newEntityIds(c).sort()).toEqual(['kim', 'shoigu']);
    expect(touchedEntityIds(c).sort()).toEqual(['kim', 'putin', 'shoigu']);
  });

  it('says what changed in words, and that nothing did', () => {
    expect(changesSummary(changes({}))).toBe('nothing new in the graph');
    expect(
      changesSummary(
        changes({ newEntities: [entity('a'), entity('b')], gainedAliases: [{ ...entity('c'), aliases: ['C'] }] }),
      ),
    ).toBe('2 new entities, 1 entity with new names');
  });

  it('gives a PDF its pages and any other document its words', () => {
    expect(lengthText({ pages: 3, wordCount: 900 })).toBe('3 pages');
    expect(lengthText({ wordCount: 1234 })).toBe('1,234 words');
  });
});
