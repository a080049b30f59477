/**
 * The lexical half of the read-only guard for user Cypher: a small tokenizer that knows strings,
 * comments and quoted identifiers, so that text inside them can neither hide a write nor trigger a
 * false refusal, and the checks run on what the parser will actually see. The planner check
 * (EXPLAIN, `queryType === 'r'`) and the READ transaction in `user-cypher.ts` are the other two layers.
 */
import { InvalidInputError, QueryRejectedError } from '../errors';
import { isSecretProperty } from '../workshop/secrets';

export type TokenKind = 'word' | 'string' | 'quoted' | 'param' | 'number' | 'symbol';

export interface Token {
  kind: TokenKind;
  text: string; // as written (strings and quoted identifiers with their quotes)
  start: number;
  end: number;
}

/** Read-only procedures a user may CALL; everything else (dbms.*, db.create*, …) is refused. */
export const ALLOWED_PROCEDURES: readonly string[] = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.info',
  'db.ping',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
];
const ALLOWED_LOWER = new Set(ALLOWED_PROCEDURES.map((name) => name.toLowerCase()));

const WRITE_CLAUSES = new Set(['CREATE', 'MERGE', 'SET', 'DELETE', 'DETACH', 'REMOVE', 'FOREACH']);
const ADMIN_VERBS = new Set([
  'DROP',
  'ALTER',
  'GRANT',
  'DENY',
  'REVOKE',
  'SHOW',
  'TERMINATE',
  'RENAME',
  'ENABLE',
  'DEALLOCATE',
  'REALLOCATE',
  'DRYRUN',
]);
const SCHEMA_OBJECTS = new Set([
  'INDEX',
  'INDEXES',
  'CONSTRAINT',
  'CONSTRAINTS',
  'DATABASE',
  'DATABASES',
  'COMPOSITE',
  'ALIAS',
  'USER',
  'USERS',
  'ROLE',
  'ROLES',
  'SERVER',
  'SERVERS',
  'FULLTEXT',
  'RANGE',
  'TEXT',
  'POINT',
  'LOOKUP',
  'VECTOR',
  'BTREE',
  'PRIVILEGE',
  'PRIVILEGES',
  'OR',
]);

/**
 * Splits Cypher into tokens, dropping whitespace and comments. Throws InvalidInputError on an
 * unterminated string, comment or quoted identifier (the parser would refuse it too).
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (c === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) throw new InvalidInputError(`Cypher: unterminated comment at offset ${i}`);
      i = close + 2;
    } else if (c === "'" || c === '"') {
      const start = i++;
      while (i < n && source[i] !== c) i += source[i] === '\\' ? 2 : 1;
      if (i >= n) throw new InvalidInputError(`Cypher: unterminated string at offset ${start}`);
      i++;
      tokens.push({ kind: 'string', text: source.slice(start, i), start, end: i });
    } else if (c === '`') {
      const start = i++;
      for (;;) {
        if (i >= n) throw new InvalidInputError(`Cypher: unterminated quoted name at offset ${start}`);
        if (source[i] === '`' && source[i + 1] === '`') i += 2;
        else if (source[i] === '`') break;
        else i++;
      }
      i++;
      tokens.push({ kind: 'quoted', text: source.slice(start, i), start, end: i });
    } else if (c === '$') {
      const start = i++;
      if (source[i] === '`') {
        const close = source.indexOf('`', i + 1);
        i = close < 0 ? n : close + 1;
      } else {
        while (i < n && /[\p{L}\p{N}_]/u.test(source[i])) i++;
      }
      tokens.push({ kind: 'param', text: source.slice(start, i), start, end: i });
    } else if (/[\p{L}_]/u.test(c)) {
      const start = i;
      while (i < n && /[\p{L}\p{N}_]/u.test(source[i])) i++;
      tokens.push({ kind: 'word', text: source.slice(start, i), start, end: i });
    } else if (/[0-9]/.test(c)) {
      const start = i;
      while (i < n && /[0-9A-Za-z_.]/.test(source[i]) && !(source[i] === '.' && source[i + 1] === '.')) i++;
      tokens.push({ kind: 'number', text: source.slice(start, i), start, end: i });
    } else {
      tokens.push({ kind: 'symbol', text: c, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

/** Splits a script into statements at top-level semicolons (never inside strings or comments). */
export function splitStatements(source: string): string[] {
  const statements: string[] = [];
  let from = 0;
  for (const token of tokenize(source)) {
    if (token.kind === 'symbol' && token.text === ';') {
      statements.push(source.slice(from, token.start));
      from = token.end;
    }
  }
  statements.push(source.slice(from));
  return statements.filter((statement) => tokenize(statement).length > 0).map((statement) => statement.trim());
}

/** A word token used as a keyword: not a property key (`n.set`), label (`:Set`) or map key (`{set: 1}`). */
function keywordAt(tokens: Token[], index: number): string | null {
  const token = tokens[index];
  if (token?.kind !== 'word') return null;
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  if (previous?.kind === 'symbol' && (previous.text === '.' || previous.text === ':')) return null;
  if (next?.kind === 'symbol' && next.text === ':') return null;
  return token.text.toUpperCase();
}

function wordAt(tokens: Token[], index: number): string {
  const token = tokens[index];
  return token?.kind === 'word' ? token.text.toUpperCase() : '';
}

function refuse(reason: string, rule: string, token?: Token): never {
  throw new QueryRejectedError(`Read-only Cypher: ${reason}`, { details: { rule, offset: token?.start } });
}

/**
 * A leading EXPLAIN or PROFILE apart from the statement after it: the console answers EXPLAIN with the
 * plan, where the guard (used by exports too) refuses both. `bodyStart` is where the rest begins.
 */
export function splitPlanPrefix(source: string): {
  prefix: 'EXPLAIN' | 'PROFILE' | null;
  body: string;
  bodyStart: number;
} {
  const first = tokenize(source)[0];
  const word = first?.kind === 'word' ? first.text.toUpperCase() : '';
  if (word !== 'EXPLAIN' && word !== 'PROFILE') return { prefix: null, body: source, bodyStart: 0 };
  return { prefix: word, body: source.slice(first.end), bodyStart: first.end };
}

/**
 * Refuses, with a message that says why, what the lexical rules can see: several statements, writes,
 * schema and admin commands, USE, LOAD CSV, CALL … IN TRANSACTIONS, procedures outside the read-only
 * allow-list, and regular expressions (`=~`). Returns the single statement, without a trailing semicolon.
 */
export function checkReadOnlyCypher(source: string): string {
  const statements = splitStatements(source);
  if (statements.length === 0) throw new InvalidInputError('Cypher: the query is empty');
  if (statements.length > 1)
    refuse(`send one statement at a time (found ${statements.length} separated by ';')`, 'MULTIPLE_STATEMENTS');
  const statement = statements[0];
  const tokens = tokenize(statement);

  const first = wordAt(tokens, 0);
  if (first === 'EXPLAIN' || first === 'PROFILE')
    throw new InvalidInputError(`Cypher: send the query without ${first}; the server plans it itself`);
  if (first === 'CYPHER') throw new InvalidInputError('Cypher: query options (CYPHER …) are not accepted');

  for (let i = 0; i < tokens.length; i++) {
    const keyword = keywordAt(tokens, i);
    if (!keyword) continue;
    const next = wordAt(tokens, i + 1);
    if (keyword === 'CREATE' && SCHEMA_OBJECTS.has(next))
      refuse(`CREATE ${next} is a schema or admin command`, 'ADMIN', tokens[i]);
    if (WRITE_CLAUSES.has(keyword)) refuse(`${keyword} writes to the database`, 'WRITE_CLAUSE', tokens[i]);
    if (ADMIN_VERBS.has(keyword) && (next !== '' || i === 0))
      refuse(`${keyword} ${next} is a schema or admin command`.trim(), 'ADMIN', tokens[i]);
    if ((keyword === 'START' || keyword === 'STOP') && (next === 'DATABASE' || next === 'SERVER')) {
      refuse(`${keyword} ${next} is an admin command`, 'ADMIN', tokens[i]);
    }
    if (keyword === 'USE' && (next !== '' || tokens[i + 1]?.kind === 'quoted'))
      refuse('USE switches to another database; queries run on the current one', 'USE', tokens[i]);
    if (keyword === 'LOAD' && next === 'CSV')
      refuse('LOAD CSV reads files and URLs from the server', 'LOAD_CSV', tokens[i]);
    if (keyword === 'PERIODIC' && next === 'COMMIT')
      refuse('USING PERIODIC COMMIT writes in batches', 'WRITE_CLAUSE', tokens[i]);
    if (
      keyword === 'IN' &&
      (next === 'TRANSACTIONS' || (/^\d/.test(tokens[i + 1]?.text ?? '') && wordAt(tokens, i + 2) === 'CONCURRENT'))
    ) {
      refuse('CALL { … } IN TRANSACTIONS commits in batches', 'IN_TRANSACTIONS', tokens[i]);
    }
    if (keyword === 'CALL') checkProcedureCall(tokens, i);
  }
  tokens.forEach((token, i) => {
    // `=~` runs java.util.regex, which backtracks: `(.*a){12}$` on 39 characters ran 158 s, and nothing
    // in Neo4j stops a match once it started (docs/design-choices.md, "User Cypher ends by its deadline").
    if (token.kind === 'symbol' && token.text === '~' && tokens[i - 1]?.kind === 'symbol' && tokens[i - 1].text === '=')
      refuse(
        '=~ (regular expressions) is not accepted: use CONTAINS, STARTS WITH, ENDS WITH or toLower(…), or the full-text search',
        'REGEX',
        tokens[i - 1],
      );
  });
  for (const token of tokens) {
    const name =
      token.kind === 'quoted'
        ? token.text.slice(1, -1)
        : token.kind === 'string'
          ? token.text.slice(1, -1)
          : token.text;
    if ((token.kind === 'word' || token.kind === 'quoted' || token.kind === 'string') && isSecretProperty(name)) {
      refuse(`${name} holds a secret (a hash of a join code or token) and cannot be queried`, 'SECRET', token);
    }
  }
  return statement;
}

function checkProcedureCall(tokens: Token[], index: number): void {
  const next = tokens[index + 1];
  if (!next || (next.kind === 'symbol' && (next.text === '{' || next.text === '('))) return; // a subquery
  const parts: string[] = [];
  let i = index + 1;
  while (tokens[i] && (tokens[i].kind === 'word' || tokens[i].kind === 'quoted')) {
    parts.push(tokens[i].kind === 'quoted' ? tokens[i].text.slice(1, -1).replace(/``/g, '`') : tokens[i].text);
    if (tokens[i + 1]?.kind === 'symbol' && tokens[i + 1].text === '.') i += 2;
    else break;
  }
  const name = parts.join('.');
  const lower = name.toLowerCase();
  if (!name) refuse('CALL must name a procedure or open a subquery', 'PROCEDURE', tokens[index]);
  if (lower.startsWith('dbms.'))
    refuse(`CALL ${name}: dbms.* procedures administer the server`, 'PROCEDURE', tokens[index]);
  if (!ALLOWED_LOWER.has(lower)) {
    refuse(`CALL ${name} is not on the read-only list (${ALLOWED_PROCEDURES.join(', ')})`, 'PROCEDURE', tokens[index]);
  }
}
