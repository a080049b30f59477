import neo4j from 'neo4j-driver';
import {
  checkedRelationshipType,
  combineRelationshipProperties,
  mergedAliases,
  relationshipSlot,
} from '../../../graph/workshop/curation-rules';

describe('curation rules', () => {
  it('merges aliases without repeating a name in another case or the survivor’s own name', () => {
    expect(mergedAliases('North Korea', ['DPRK'], 'N. Korea', ['dprk', 'North Korea', 'Pyongyang'])).toEqual([
      'DPRK',
      'N. Korea',
      'Pyongyang',
    ]);
  });

  it('refuses relationship types outside the fixed list with a named error, hypotheses included', () => {
    for (const type of ['DROP_ALL', 'HYPOTHESIS'])
      expect(() => checkedRelationshipType(type, 'merge')).toThrow(
        expect.objectContaining({ name: 'InvalidInputError' }),
      );
    expect(checkedRelationshipType('SIGNED', 'merge')).toBe('SIGNED');
  });

  it('puts symmetric relations in one slot whatever their direction', () => {
    expect(relationshipSlot('MET_WITH', 'out', 'x')).toBe(relationshipSlot('MET_WITH', 'in', 'x'));
    expect(relationshipSlot('SUPPORTS', 'out', 'x')).not.toBe(relationshipSlot('SUPPORTS', 'in', 'x'));
  });

  it('unites parallel evidence lists item by item and is idempotent', () => {
    const i = (n: number) => neo4j.int(n);
    const a = {
      id: 'rel:a',
      confidence: 0.5,
      evidence: ['{"document":"d1","start":0,"end":5,"text":"one"}'],
      evidenceDocs: ['d1'],
      evidenceTexts: ['one'],
      evidenceStarts: [i(0)],
      evidenceEnds: [i(5)],
      evidenceConfidences: [0.5],
    };
    const b = {
      id: 'rel:b',
      confidence: 0.9,
      evidence: [
        '{"document":"d1","start":0,"end":5,"text":"one"}',
        '{"document":"d2","start":3,"end":9,"text":"two"}',
      ],
      evidenceDocs: ['d1', 'd2'],
      evidenceTexts: ['one', 'two'],
      evidenceStarts: [i(0), i(3)],
      evidenceEnds: [i(5), i(9)],
      evidenceConfidences: [0.5, 0.9],
    };
    const combined = combineRelationshipProperties(a, b);
    expect(combined.evidenceDocs).toEqual(['d1', 'd2']);
    expect(combined.evidence).toHaveLength(2);
    expect(combined.evidenceConfidences).toEqual([0.5, 0.9]);
    expect(combined.confidence).toBe(0.9);
    expect(combined.id).toBe('rel:a');
    expect(combined.mergedIds).toEqual(['rel:b']);
    expect(combineRelationshipProperties(combined, b)).toEqual(combined);
  });
});
