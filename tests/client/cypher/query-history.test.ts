import { cellText, parseStoredHistory, rememberQuery } from '../../../client/cypher/query-history';

describe('the query history', () => {
  it('puts the latest query first without duplicates', () => {
    const history = rememberQuery('MATCH (n) RETURN n')(['RETURN 1', 'MATCH (n) RETURN n']);
    expect(history).toEqual(['MATCH (n) RETURN n', 'RETURN 1']);
  });

  it('ignores blank queries and keeps at most the limit', () => {
    expect(rememberQuery('   ')(['a'])).toEqual(['a']);
    expect(rememberQuery('c', 2)(['b', 'a'])).toEqual(['c', 'b']);
  });

  it('reads back only strings from storage and survives garbage', () => {
    expect(parseStoredHistory('["a", 1, "b"]')).toEqual(['a', 'b']);
    expect(parseStoredHistory('{not json')).toEqual([]);
    expect(parseStoredHistory(null)).toEqual([]);
  });

  it('shows nodes by name and other values as text', () => {
    expect(cellText({ id: 'x', name: 'Sergei Shoigu', type: 'Person' })).toBe('Sergei Shoigu');
    expect(cellText(42)).toBe('42');
    expect(cellText(null)).toBe('');
    expect(cellText([1, 2])).toBe('[1,2]');
  });
});
