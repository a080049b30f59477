import { cypherNesting } from '../../../server/http/cypher-nesting';

describe('cypherNesting', () => {
  it('counts brackets, CASE … END, runs of NOT and chained lookups', () => {
    expect(cypherNesting('MATCH (n:Person) RETURN n.name')).toBeLessThan(4);
    expect(cypherNesting('RETURN ((((1))))')).toBe(4);
    expect(cypherNesting('RETURN {a: {b: [1, [2]]}}')).toBe(4);
    expect(cypherNesting('RETURN CASE WHEN CASE WHEN true THEN 1 END = 1 THEN 2 END')).toBe(2);
    expect(cypherNesting('RETURN NOT NOT NOT true')).toBe(3);
    expect(cypherNesting('RETURN x.a.b.c.d')).toBe(4);
    expect(cypherNesting('RETURN x[0][1][2]')).toBe(4);
  });

  it('does not count what strings, quoted names and comments contain', () => {
    expect(cypherNesting('RETURN \'(((((((((((\' AS s, "[[[[[[[[[" AS t, `{{{{{{{` AS u')).toBe(0);
    expect(cypherNesting("RETURN 'it''s ((((' + 'a\\'(((('")).toBe(0);
    expect(cypherNesting('RETURN 1 // ((((((((\n/* [[[[[[[[[[ */ + 2')).toBe(0);
  });

  it('resets a lookup chain at every operator', () => {
    expect(cypherNesting(`RETURN ${Array.from({ length: 100 }, () => 'n.a').join(' + ')}`)).toBeLessThan(3);
    expect(
      cypherNesting(`MATCH (n) WHERE ${Array.from({ length: 100 }, () => 'NOT n.x').join(' AND ')} RETURN n`),
    ).toBeLessThan(4);
  });
});
