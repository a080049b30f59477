import neo4j from 'neo4j-driver';
import { checkReadOnlyCypher, splitStatements, tokenize } from '../../../graph/neo4j/cypher-guard';
import { toGraphNode, toJson } from '../../../graph/neo4j/cypher-values';

function refusal(query: string): { name: string; rule?: string } {
  try {
    checkReadOnlyCypher(query);
  } catch (error) {
    const e = error as { name: string; details?: { rule?: string } };
    return { name: e.name, rule: e.details?.rule };
  }
  return { name: 'accepted' };
}

describe('the lexical Cypher guard', () => {
  it('accepts ordinary reads, including keywords inside strings, comments, property keys and labels', () => {
    expect(checkReadOnlyCypher('MATCH (n:Person) RETURN n.name LIMIT 5')).toBe(
      'MATCH (n:Person) RETURN n.name LIMIT 5',
    );
    expect(refusal("MATCH (n) WHERE n.name = 'CREATE (x); DELETE n' RETURN n").name).toBe('accepted');
    expect(refusal('MATCH (n) // DETACH DELETE n\nRETURN n').name).toBe('accepted');
    expect(refusal('MATCH (n) RETURN n.set, n.create, {merge: 1} AS m').name).toBe('accepted');
    expect(refusal('MATCH (n:`CREATE`) RETURN n').name).toBe('accepted');
    expect(refusal('CALL db.labels() YIELD label RETURN label').name).toBe('accepted');
    expect(refusal("CALL db.index.fulltext.queryNodes('entity_names', 'kim') YIELD node RETURN node").name).toBe(
      'accepted',
    );
    expect(refusal('MATCH (n) CALL (n) { MATCH (n)--(m) RETURN count(m) AS c } RETURN n, c').name).toBe('accepted');
    expect(refusal('MATCH (n) RETURN n;').name).toBe('accepted');
  });

  it('refuses regular expressions (=~) however the pattern is given, but not the characters inside a string', () => {
    for (const query of [
      "MATCH (n) WHERE n.name =~ '(?i)kim.*' RETURN n",
      'RETURN $s =~ $re',
      'RETURN $s=~ ("(.*a)" + "{12}$")',
      'RETURN $s = /* hidden */ ~ $re',
    ]) {
      expect(refusal(query)).toEqual({ name: 'QueryRejectedError', rule: 'REGEX' });
    }
    expect(refusal("MATCH (n) WHERE n.name = '=~' RETURN n").name).toBe('accepted');
  });

  it('accepts the reads an analyst writes: paths, subqueries, unions, comprehensions, CASE, EXISTS and COUNT', () => {
    const reads = [
      "MATCH (n:Person) WHERE n.name STARTS WITH 'K' RETURN n ORDER BY n.name SKIP 1 LIMIT 10",
      "MATCH p = shortestPath((a:State {id: 'state:north-korea'})-[*..5]-(b:State {id: 'state:russia'})) RETURN p",
      'MATCH (a)-[r:PARTY_TO|SUPERSEDES]->(b) OPTIONAL MATCH (b)<-[:SUPERSEDES]-(c) RETURN a, r, b, c',
      'MATCH (n) WHERE EXISTS { (n)-[:SUPPORTS]->() } AND COUNT { (n)--() } > 2 RETURN n.name, CASE WHEN n:Person THEN 1 ELSE 0 END AS person',
      'MATCH (n:Treaty) RETURN [x IN n.aliases WHERE x CONTAINS "1961" | toUpper(x)] AS a UNION MATCH (n:State) RETURN n.aliases AS a',
      'MATCH (n) WITH n.type AS type, count(*) AS c RETURN type, c ORDER BY c DESC',
      'MATCH (s)-[r]->(t) WHERE type(r) IN $types RETURN s, r, t LIMIT $limit',
      'CALL db.schema.visualization()',
      'UNWIND range(1, 3) AS i RETURN i, i * 2 AS double',
    ];
    for (const query of reads) expect({ query, result: refusal(query).name }).toEqual({ query, result: 'accepted' });
  });

  it('refuses writes, admin commands, USE, LOAD CSV and batched transactions, naming the rule', () => {
    expect(refusal('CREATE (n:X)')).toEqual({ name: 'QueryRejectedError', rule: 'WRITE_CLAUSE' });
    expect(refusal('MATCH (n) CALL { WITH n SET n.x = 1 } RETURN n')).toEqual({
      name: 'QueryRejectedError',
      rule: 'WRITE_CLAUSE',
    });
    expect(refusal('CREATE INDEX foo FOR (n:X) ON (n.y)')).toEqual({ name: 'QueryRejectedError', rule: 'ADMIN' });
    expect(refusal('SHOW USERS')).toEqual({ name: 'QueryRejectedError', rule: 'ADMIN' });
    expect(refusal('USE system MATCH (n) RETURN n')).toEqual({ name: 'QueryRejectedError', rule: 'USE' });
    expect(refusal("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line")).toEqual({
      name: 'QueryRejectedError',
      rule: 'LOAD_CSV',
    });
    expect(refusal('MATCH (n) CALL (n) { RETURN 1 AS one } IN TRANSACTIONS RETURN one')).toEqual({
      name: 'QueryRejectedError',
      rule: 'IN_TRANSACTIONS',
    });
    expect(refusal('CALL dbms.killQueries([])')).toEqual({ name: 'QueryRejectedError', rule: 'PROCEDURE' });
    expect(refusal("CALL db.createLabel('X')")).toEqual({ name: 'QueryRejectedError', rule: 'PROCEDURE' });
    expect(refusal('CALL `db`.`createLabel`("X")')).toEqual({ name: 'QueryRejectedError', rule: 'PROCEDURE' });
  });

  it('refuses two statements even when the semicolon hides behind a comment or a string', () => {
    expect(refusal('MATCH (n) RETURN n; MATCH (m) RETURN m')).toEqual({
      name: 'QueryRejectedError',
      rule: 'MULTIPLE_STATEMENTS',
    });
    expect(refusal("RETURN ';' AS a /* ; */ ; CREATE (x)")).toEqual({
      name: 'QueryRejectedError',
      rule: 'MULTIPLE_STATEMENTS',
    });
    expect(refusal("RETURN 'it\\'s' AS a; RETURN 2")).toEqual({
      name: 'QueryRejectedError',
      rule: 'MULTIPLE_STATEMENTS',
    });
  });

  it('rejects an empty query and EXPLAIN/PROFILE prefixes as invalid input', () => {
    expect(refusal('  // nothing\n').name).toBe('InvalidInputError');
    expect(refusal('PROFILE MATCH (n) RETURN n').name).toBe('InvalidInputError');
    expect(refusal("RETURN 'unterminated").name).toBe('InvalidInputError');
  });

  it('tokenizes strings with escapes and quoted names without looking inside them', () => {
    const kinds = tokenize("RETURN 'a\\'b' AS `we``ird`, $p").map((t) => t.kind);
    expect(kinds).toEqual(['word', 'string', 'word', 'quoted', 'symbol', 'param']);
    expect(splitStatements("CREATE (:A {s: 'x;y'});\nCREATE (:B);\n")).toEqual([
      "CREATE (:A {s: 'x;y'})",
      'CREATE (:B)',
    ]);
  });

  it('refuses queries that name the properties holding workshop secrets, and redacts them in answers', () => {
    expect(refusal('MATCH (p:Participant) RETURN p.tokenHash')).toEqual({ name: 'QueryRejectedError', rule: 'SECRET' });
    expect(refusal("MATCH (w:Workshop) RETURN w['editorCodeHash']")).toEqual({
      name: 'QueryRejectedError',
      rule: 'SECRET',
    });
    const node = new neo4j.types.Node(
      neo4j.int(1),
      ['Participant'],
      { id: 'par-1', tokenHash: 'abc', displayName: 'Ann' },
      '4:x:1',
    );
    expect(toJson(node)).toMatchObject({ properties: { tokenHash: '[redacted]', displayName: 'Ann' } });
    expect(toJson({ viewerCodeHash: 'abc' })).toEqual({ viewerCodeHash: '[redacted]' });
    expect(toGraphNode(node).attributes).toEqual({ displayName: 'Ann' });
  });
});
