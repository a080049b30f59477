import { choiceCount, defaultChoice, needsChoice, neighborQuery } from '../../../client/expand/expand-plan';

describe('expansion', () => {
  it('adds every neighbour when the first answer was complete', () => {
    expect(needsChoice({ truncated: false, total: 12, returned: 12 })).toBe(false);
    expect(needsChoice({ truncated: true, total: 80, returned: 25 })).toBe(true);
  });

  it('offers every type and the threshold as top N first', () => {
    expect(defaultChoice({ Person: 40, Event: 10 }, 25)).toEqual({
      types: ['Event', 'Person'],
      relTypes: [],
      limit: 25,
    });
  });

  it('counts what a choice would bring, capped by N', () => {
    expect(choiceCount({ Person: 40, Event: 10 }, { types: ['Event'], relTypes: [], limit: 25 })).toBe(10);
    expect(choiceCount({ Person: 40, Event: 10 }, { types: [], relTypes: [], limit: 25 })).toBe(25);
  });

  it('builds the neighbours query string', () => {
    expect(neighborQuery({ types: ['Person', 'State'], limit: 10 })).toBe('?types=Person%2CState&limit=10');
    expect(neighborQuery({})).toBe('');
  });
});
