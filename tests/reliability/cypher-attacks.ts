/**
 * The Cypher attempts of the hardening review, as a table: what an outsider sends to POST /api/cypher to
 * write, to gain rights, to read what is not theirs, or to exhaust the database, each with the outcome the
 * server must give. Writes are generated: every way of writing, each in every disguise the guard must see
 * through. Queries that Neo4j cannot terminate (computation inside one expression) restart the embedded
 * database and are kept in tests/server/cypher/cypher-deadline.test.ts, on a database of their own.
 */

/**
 * - `refused`: 403 QUERY_REJECTED; `rule` when one rule must be the one that refuses.
 * - `invalid`: 400 INVALID_INPUT (a query Neo4j is never given).
 * - `answered`: 200 (the read is allowed; what it must not contain is checked for every case).
 * - `bounded`: 200 with `truncated`, or 403 QUERY_REJECTED by the memory rule; never more bytes than the cap.
 *   These run under a longer deadline, so that the cap or the memory limit, not the clock, ends them.
 * - `timeout`: 408 QUERY_TIMEOUT by the deadline.
 * - `runaway`: 408 QUERY_TIMEOUT by the deadline, for a query Neo4j goes on computing inside one
 *   expression after its termination: the server reports it and `npm start` restarts the embedded
 *   database. Run by tests/server/cypher/cypher-deadline.test.ts, whose Neo4j may be restarted.
 */
export type Outcome =
  | { kind: 'refused'; rule?: string }
  | { kind: 'invalid' }
  | { kind: 'answered' }
  | { kind: 'bounded' }
  | { kind: 'timeout' }
  | { kind: 'runaway' };

export type Intent = 'write' | 'escalate' | 'exfiltrate' | 'exhaust';

export interface CypherAttack {
  intent: Intent;
  name: string;
  query: string;
  params?: Record<string, unknown>;
  expect: Outcome;
}

const refused = (rule?: string): Outcome => ({ kind: 'refused', ...(rule ? { rule } : {}) });

/** Every way of changing the data or the schema; each is also tried in every disguise below. */
const WRITES: Array<[string, string]> = [
  ['CREATE a node', "CREATE (n:Intruder {id: 'intruder'})"],
  ['MERGE a node', "MERGE (n:Intruder {id: 'intruder'})"],
  ['SET a property', "MATCH (n:Entity) SET n.name = 'pwned'"],
  ['SET a label', 'MATCH (n:Entity) SET n:Intruder'],
  ['SET += a map', "MATCH (n:Entity) SET n += {name: 'pwned'}"],
  ['SET = a map', 'MATCH (n:Entity) SET n = {}'],
  ['REMOVE a property', 'MATCH (n:Entity) REMOVE n.name'],
  ['REMOVE a label', 'MATCH (n:Entity) REMOVE n:Entity'],
  ['DELETE a relationship', 'MATCH ()-[r]->() DELETE r'],
  ['DETACH DELETE every node', 'MATCH (n) DETACH DELETE n'],
  ['CREATE a relationship', 'MATCH (a:Entity), (b:Entity) WITH a, b LIMIT 1 CREATE (a)-[:INTRUDES]->(b)'],
  ['FOREACH with CREATE', 'FOREACH (x IN [1] | CREATE (:Intruder))'],
  ['FOREACH with SET', "MATCH (n:Entity) FOREACH (x IN [1] | SET n.name = 'pwned')"],
  ['MERGE … ON MATCH SET', "MERGE (a:Entity {id: 'state:russia'}) ON MATCH SET a.name = 'pwned'"],
  ['CREATE INDEX', 'CREATE INDEX intruder FOR (n:Intruder) ON (n.id)'],
  ['DROP INDEX', 'DROP INDEX entity_names'],
  ['CREATE CONSTRAINT', 'CREATE CONSTRAINT intruder FOR (n:Intruder) REQUIRE n.id IS UNIQUE'],
  ['DROP CONSTRAINT', 'DROP CONSTRAINT entity_id IF EXISTS'],
  ['db.createLabel', "CALL db.createLabel('Intruder')"],
  ['db.createProperty', "CALL db.createProperty('intruder')"],
  ['db.createRelationshipType', "CALL db.createRelationshipType('INTRUDES')"],
  ['apoc.create.node', "CALL apoc.create.node(['Intruder'], {}) YIELD node RETURN node"],
  ['apoc.cypher.doIt', "CALL apoc.cypher.doIt('CREATE (:Intruder)', {}) YIELD value RETURN value"],
  ['LOAD CSV into CREATE', "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS line CREATE (:Intruder {v: line[0]})"],
];

/** How a write is hidden: each wraps the statement and says what the guard must answer. */
const DISGUISES: Array<{ name: string; wrap: (q: string) => string; expect: Outcome; schemaToo: boolean }> = [
  { name: 'as it is', wrap: (q) => q, expect: refused(), schemaToo: true },
  { name: 'in lower case', wrap: (q) => q.toLowerCase(), expect: refused(), schemaToo: true },
  {
    name: 'with line breaks, tabs and comments between its words',
    wrap: (q) => `/* a read */\n${q.replace(/ /g, '\n\t/* x */ ')}`,
    expect: refused(),
    schemaToo: true,
  },
  { name: 'after a read', wrap: (q) => `MATCH (m) WITH m LIMIT 1 ${q}`, expect: refused(), schemaToo: false },
  { name: 'inside a subquery', wrap: (q) => `CALL { ${q} } RETURN 1 AS one`, expect: refused(), schemaToo: false },
  {
    name: 'behind a UNION',
    wrap: (q) => `RETURN 1 AS x UNION ALL CALL { ${q} } RETURN 1 AS x`,
    expect: refused(),
    schemaToo: false,
  },
  {
    name: 'as a second statement',
    wrap: (q) => `RETURN 1 AS one; ${q}`,
    expect: refused('MULTIPLE_STATEMENTS'),
    schemaToo: true,
  },
  {
    name: 'after a CYPHER option',
    wrap: (q) => `CYPHER runtime=slotted ${q}`,
    expect: { kind: 'invalid' },
    schemaToo: false,
  },
  // The console answers an EXPLAIN with the plan, so the query behind it is checked like any other
  { name: 'after EXPLAIN', wrap: (q) => `EXPLAIN ${q}`, expect: { kind: 'refused' }, schemaToo: true },
];

const SCHEMA = /^(CREATE (INDEX|CONSTRAINT)|DROP|CALL)/;

const writeAttacks: CypherAttack[] = WRITES.flatMap(([what, query]) =>
  DISGUISES.filter((d) => d.schemaToo || !SCHEMA.test(query)).map((d) => ({
    intent: 'write' as const,
    name: `${what}, ${d.name}`,
    query: d.wrap(query),
    expect: d.expect,
  })),
);

const escalateAttacks: CypherAttack[] = (
  [
    ['SHOW USERS', 'SHOW USERS'],
    ['SHOW CURRENT USER', 'SHOW CURRENT USER'],
    ['SHOW ROLES', 'SHOW ROLES'],
    ['SHOW PRIVILEGES', 'SHOW PRIVILEGES'],
    ['SHOW DATABASES', 'SHOW DATABASES'],
    ['SHOW SETTINGS (data directories)', 'SHOW SETTINGS'],
    ['SHOW TRANSACTIONS (other users’ queries)', 'SHOW TRANSACTIONS YIELD currentQuery, parameters'],
    ['SHOW PROCEDURES', 'SHOW PROCEDURES'],
    ['TERMINATE TRANSACTIONS', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
    ['CREATE USER', "CREATE USER eve SET PASSWORD 'eve-password-123'"],
    ['ALTER USER', "ALTER USER neo4j SET PASSWORD 'eve-password-123'"],
    ['ALTER CURRENT USER', "ALTER CURRENT USER SET PASSWORD FROM 'a' TO 'eve-password-123'"],
    ['GRANT ROLE', 'GRANT ROLE admin TO eve'],
    ['DENY', 'DENY READ {*} ON GRAPH * TO PUBLIC'],
    ['CREATE DATABASE', 'CREATE DATABASE other'],
    ['STOP DATABASE', 'STOP DATABASE neo4j'],
    ['DROP DATABASE', 'DROP DATABASE neo4j'],
    ['USE system', 'USE system SHOW USERS'],
    ['USE system in a read', 'USE system MATCH (n) RETURN n'],
    ['USE inside a subquery', 'CALL { USE system RETURN 1 AS x } RETURN x'],
    ['dbms.security.createUser', "CALL dbms.security.createUser('eve', 'eve-password-123', false)"],
    ['dbms.setConfigValue', "CALL dbms.setConfigValue('db.transaction.timeout', '0')"],
    ['dbms.killQueries', 'CALL dbms.killQueries([])'],
    ['dbms.listConfig', 'CALL dbms.listConfig()'],
    ['dbms.listQueries', 'CALL dbms.listQueries()'],
    ['dbms.components', 'CALL dbms.components()'],
    ['dbms.queryJmx', "CALL dbms.queryJmx('*:*')"],
    ['dbms.* in backticks', 'CALL `dbms`.`listConfig`()'],
    ['db.checkpoint', 'CALL db.checkpoint()'],
    ['db.clearQueryCaches', 'CALL db.clearQueryCaches()'],
    ['db.stats.collect', "CALL db.stats.collect('QUERIES')"],
    ['db.stats.retrieve', "CALL db.stats.retrieve('GRAPH COUNTS')"],
    ['tx.setMetaData', 'CALL tx.setMetaData({kind: "user-cypher"})'],
    ['a procedure after a read', 'MATCH (n) WITH n LIMIT 1 CALL dbms.listConfig() YIELD name RETURN name'],
    ['a procedure in a subquery', 'CALL { CALL dbms.listConfig() YIELD name RETURN name } RETURN name'],
    ['LOAD CSV from a file', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"],
    ['LOAD CSV over HTTP', "LOAD CSV FROM 'http://127.0.0.1:9/' AS line RETURN line"],
    ['CALL … IN TRANSACTIONS', 'UNWIND range(1, 3) AS i CALL (i) { RETURN i AS j } IN TRANSACTIONS RETURN j'],
  ] as const
).map(([name, query]) => ({ intent: 'escalate', name, query, expect: refused() }));

/**
 * Reads that try to reach what is not theirs: the secrets of workshops (kept out of Neo4j, and never in an
 * answer) and the database's own credentials. Each is allowed or refused, and its answer holds no secret.
 */
const exfiltrateAttacks: CypherAttack[] = [
  ...(
    [
      ['every property of every node', 'MATCH (n) RETURN properties(n) AS p'],
      ['every property of every relationship', 'MATCH ()-[r]->() RETURN properties(r) AS p'],
      ['a map projection', 'MATCH (n) RETURN n {.*} AS p'],
      ['keys() with their values', 'MATCH (n) UNWIND keys(n) AS k RETURN k, n[k] AS v'],
      ['a list of keys and values', 'MATCH (p) RETURN [k IN keys(p) | [k, p[k]]] AS kv'],
      ['a computed name', "MATCH (w) RETURN w['editor' + 'CodeHash'] AS v, w['token' + 'Hash'] AS t"],
      ['an escaped name', "MATCH (p) RETURN p['token\\u0048ash'] AS v"],
      ['reduce over every value', "MATCH (p) RETURN reduce(s = '', k IN keys(p) | s + toStringOrNull(p[k])) AS all"],
      ['workshops', 'MATCH (w:Workshop) RETURN w'],
      ['participants', 'MATCH (p:Participant) RETURN p.displayName, p.role'],
      ['annotations', 'MATCH (a:Annotation) RETURN a.text, a.author'],
      ['saved views', 'MATCH (v:SavedView) RETURN v.name, v.notes'],
      ['hypotheses', 'MATCH ()-[h:HYPOTHESIS]->() RETURN h'],
      ['every label', 'CALL db.labels() YIELD label RETURN label'],
      ['every property key', 'CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey'],
      ['the database', 'CALL db.info()'],
      ['the full-text index', "CALL db.index.fulltext.queryNodes('entity_names', '*') YIELD node RETURN node"],
      ['the schema', 'CALL db.schema.visualization()'],
    ] as const
  ).map(([name, query]) => ({ intent: 'exfiltrate' as const, name, query, expect: { kind: 'answered' as const } })),
  {
    intent: 'exfiltrate',
    name: 'a name in a parameter',
    query: 'MATCH (w) RETURN w[$k] AS v, w[$t] AS t',
    params: { k: 'editorCodeHash', t: 'tokenHash' },
    expect: { kind: 'answered' },
  },
  {
    intent: 'exfiltrate',
    name: 'a secret property by name',
    query: 'MATCH (p:Participant) RETURN p.tokenHash',
    expect: refused('SECRET'),
  },
  {
    intent: 'exfiltrate',
    name: 'the credentials file through LOAD CSV',
    query: "LOAD CSV FROM 'file:///credentials.json' AS line RETURN line",
    expect: refused('LOAD_CSV'),
  },
  {
    intent: 'exfiltrate',
    name: 'the settings through a procedure',
    query: "CALL dbms.listConfig('directories') YIELD value RETURN value",
    expect: refused('PROCEDURE'),
  },
];

/** A 1,000-character parameter: large answers out of small queries. */
const LONG = 'x'.repeat(1_000);

const exhaustAttacks: CypherAttack[] = [
  ...(
    [
      ['a billion rows filtered', 'UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 100 RETURN count(i) AS c'],
      ['a cartesian product of ranges', 'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*)'],
      ['a cartesian product of nodes', 'MATCH (a), (b), (c) UNWIND range(1, 10000000) AS i RETURN count(*)'],
      ['a billion rows in a subquery', 'CALL { UNWIND range(1, 1000000000) AS i RETURN max(i) AS m } RETURN m'],
      ['a string test per row', "UNWIND range(1, 1000000000) AS i WITH i WHERE toString(i) ENDS WITH 'x' RETURN i"],
      ['top of a billion', 'UNWIND range(1, 1000000000) AS i RETURN i ORDER BY i % 3 DESC LIMIT 1'],
      [
        'EXISTS per row',
        'UNWIND range(1, 1000000000) AS i WITH i WHERE NOT EXISTS { MATCH (n {id: i}) } RETURN count(i)',
      ],
    ] as const
  ).map(([name, query]) => ({ intent: 'exhaust' as const, name, query, expect: { kind: 'timeout' as const } })),
  ...(
    [
      ['ten million rows', 'UNWIND range(1, 10000000) AS i RETURN i'],
      ['a long string per row', 'UNWIND range(1, 100000) AS i RETURN $s AS s', { s: LONG }],
      ['every node many times', 'MATCH (n) UNWIND range(1, 20000) AS i RETURN n, i'],
      ['every path repeated', 'MATCH p = ()-[]->() UNWIND range(1, 20000) AS i RETURN p'],
      ['twenty million collected', 'UNWIND range(1, 20000000) AS x RETURN size(collect(x)) AS n'],
      ['five million sorted', 'UNWIND range(1, 5000000) AS x WITH x ORDER BY x DESC RETURN collect(x) AS xs'],
    ] as const
  ).map(([name, query, params]) => ({
    intent: 'exhaust' as const,
    name,
    query,
    ...(params ? { params } : {}),
    expect: { kind: 'bounded' as const },
  })),
  ...(
    [
      ['a regular expression', "MATCH (n) WHERE n.name =~ '(.*a){12}$' RETURN n"],
      ['a regular expression in parameters', 'RETURN $s =~ $re'],
      ['a regular expression built from strings', 'RETURN $s =~ ("(.*a)" + "{12}$")'],
      ['a regular expression behind a comment', 'RETURN $s = /* x */ ~ $re'],
      ['a regular expression in a subquery', "CALL { MATCH (n) WHERE n.name =~ '.*' RETURN n } RETURN n"],
    ] as const
  ).map(([name, query]) => ({
    intent: 'exhaust' as const,
    name,
    query,
    params: { s: `${'a'.repeat(38)}!`, re: '(.*a){12}$' },
    expect: refused('REGEX'),
  })),
  ...(
    [
      ['brackets nested 300 deep', `RETURN ${'['.repeat(300)}1${']'.repeat(300)} AS x`],
      ['parentheses nested 300 deep', `RETURN ${'('.repeat(300)}1${')'.repeat(300)} AS x`],
      ['maps nested 300 deep', `RETURN ${'{a: '.repeat(300)}1${'}'.repeat(300)} AS x`],
      ['a thousand NOTs', `RETURN ${'NOT '.repeat(1000)}true`],
      ['CASE nested 200 deep', `RETURN ${'CASE WHEN true THEN '.repeat(200)}1${' END'.repeat(200)}`],
      ['300 chained lookups', `RETURN {a: 1}${'.a'.repeat(300)}`],
      ['an empty query', '   '],
      ['an unterminated string', "RETURN 'open"],
    ] as const
  ).map(([name, query]) => ({ intent: 'exhaust' as const, name, query, expect: { kind: 'invalid' as const } })),
];

/**
 * One value built inside one expression: no row ever reaches the caps, and termination is not checked.
 * (The deadline test's own runaway, quadratic string building, is the fourth of the review's.)
 */
const runawayAttacks: CypherAttack[] = (
  [
    ['300 MB in the first row', 'RETURN [x IN range(1, 300000) | $s] AS big', { s: LONG }],
    ['59 MB of numbers as strings', 'RETURN [x IN range(1, 6000000) | toString(x)] AS big', {}],
    ['a hundred million integers', 'RETURN range(1, 100000000) AS r', {}],
  ] as const
).map(([name, query, params]) => ({ intent: 'exhaust', name, query, params, expect: { kind: 'runaway' } }));

export const CYPHER_ATTACKS: readonly CypherAttack[] = [
  ...writeAttacks,
  ...escalateAttacks,
  ...exfiltrateAttacks,
  ...exhaustAttacks,
  ...runawayAttacks,
];
