import neo4j from 'neo4j-driver';
import {
  decodeEvidence,
  encodeEvidence,
  evidenceCount,
  isEvidenceProperty,
  uniteEvidence,
} from '../../../../graph/neo4j/storage/evidence-codec';

const one = { document: 'd1', text: 'One sentence.', start: 0, end: 13, confidence: 0.5 };
const two = { document: 'd2', text: 'Two "quoted" words.', start: 3, end: 22, confidence: 0.9 };

describe('the evidence codec', () => {
  it('reads back what it writes, entry for entry, with JSON strings beside the parallel lists', () => {
    const stored = encodeEvidence([one, two]);
    expect(decodeEvidence(stored as unknown as Record<string, unknown>)).toEqual([one, two]);
    expect(JSON.parse(stored.evidence[1])).toEqual({ document: 'd2', text: 'Two "quoted" words.', start: 3, end: 22 });
    expect(evidenceCount(stored as unknown as Record<string, unknown>)).toBe(2);
  });

  it('reads offsets stored as driver integers as numbers', () => {
    const stored = { ...encodeEvidence([one]), evidenceStarts: [neo4j.int(0)], evidenceEnds: [neo4j.int(13)] };
    expect(decodeEvidence(stored)).toEqual([one]);
  });

  it('unites two relationships’ lists once per document span, keeping them aligned', () => {
    const a = encodeEvidence([one]) as unknown as Record<string, unknown>;
    const b = encodeEvidence([one, two]) as unknown as Record<string, unknown>;
    const united = uniteEvidence(a, b)!;
    expect(decodeEvidence(united)).toEqual([one, two]);
    expect(uniteEvidence(united, b)).toEqual(united);
    expect(uniteEvidence(a, { confidence: 1 })).toBeNull();
  });

  it('owns exactly the six lists it writes', () => {
    expect(Object.keys(encodeEvidence([])).every(isEvidenceProperty)).toBe(true);
    expect(isEvidenceProperty('confidence')).toBe(false);
    expect(isEvidenceProperty('role')).toBe(false);
  });
});
