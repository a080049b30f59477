import neo4j from 'neo4j-driver';
import {
  decodeMentions,
  encodeMentions,
  partitionMentions,
  uniteMentions,
} from '../../../../graph/neo4j/storage/mention-codec';

describe('the mention codec', () => {
  it('reads back what it writes, with offsets stored as driver integers', () => {
    const mentions = [
      { document: 'd1', start: 4, end: 8, text: 'DPRK' },
      { document: 'd1', start: 90, end: 94, text: 'DPRK' },
    ];
    const stored = encodeMentions(mentions);
    expect(decodeMentions('d1', stored as unknown as Record<string, unknown>)).toEqual(mentions);
    expect(decodeMentions('d1', { ...stored, starts: stored.starts.map((n) => neo4j.int(n)) })).toEqual(mentions);
  });

  it('splits parallel mention lists by the mention text', () => {
    const props = { starts: [1, 20, 40], ends: [5, 29, 44], texts: ['DPRK', 'Pyongyang', 'DPRK'] };
    const { keep, move } = partitionMentions(props, (text) => text === 'Pyongyang');
    expect(keep).toEqual({ starts: [1, 40], ends: [5, 44], texts: ['DPRK', 'DPRK'] });
    expect(move).toEqual({ starts: [20], ends: [29], texts: ['Pyongyang'] });
  });

  it('unites two relationships’ mentions once per offset', () => {
    const a = { starts: [1], ends: [5], texts: ['DPRK'] };
    const b = { starts: [1, 20], ends: [5, 29], texts: ['DPRK', 'North Korea'] };
    expect(uniteMentions(a, b)).toEqual({ starts: [1, 20], ends: [5, 29], texts: ['DPRK', 'North Korea'] });
    expect(uniteMentions(a, { id: 'x' })).toBeNull();
  });
});
