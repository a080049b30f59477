import { parseStoredHistory, rememberQuery } from '../../../client/cypher/query-history';

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
});
