/**
 * What the word at the cursor can be, read from the text before it: a label after `:` in a node pattern
 * (or `n:` in a WHERE), a relationship type after `:` or `|` inside `[…]`, a property key after `n.` or
 * as a key of a pattern's map `{…}`, else a keyword. Pure; the console's completion asks it at each key.
 */
export type CompletionKind = 'label' | 'relationshipType' | 'propertyKey' | 'keyword';

export interface CompletionContext {
  kind: CompletionKind;
  /** Where the word being completed starts (the completion replaces from here to the cursor). */
  from: number;
  prefix: string;
}

const OPENERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** The innermost bracket still open before `pos`, outside strings and comments. */
function openBracket(text: string, pos: number): string | null {
  const stack: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < pos; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      const newline = text.indexOf('\n', i);
      if (newline === -1 || newline >= pos) return stack.at(-1) ?? null;
      i = newline;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (c in OPENERS) {
      if (stack.at(-1) === OPENERS[c]) stack.pop();
    }
  }
  return quote ? 'quote' : (stack.at(-1) ?? null);
}

export function completionContext(text: string, pos: number): CompletionContext | null {
  const before = text.slice(0, pos);
  const prefix = /[A-Za-z_][A-Za-z0-9_]*$/.exec(before)?.[0] ?? '';
  const from = pos - prefix.length;
  const open = openBracket(text, from);
  if (open === 'quote') return null; // inside a string or a quoted name
  const mark = before.slice(0, from);
  const last = mark.at(-1) ?? '';
  if (last === '.' && /[A-Za-z0-9_`)]\.$/.test(mark)) return { kind: 'propertyKey', from, prefix };
  if (last === ':' || last === '|') {
    if (open === '[') return { kind: 'relationshipType', from, prefix };
    if (open === '{') return null; // a map's value comes after its key's colon
    return { kind: 'label', from, prefix };
  }
  if (open === '{' && /[{,]\s*$/.test(mark)) return { kind: 'propertyKey', from, prefix };
  if (/[0-9$]$/.test(mark)) return null; // a parameter or a number, not a word to complete
  return { kind: 'keyword', from, prefix };
}

/** The Cypher a read-only console writes: clauses, operators and the functions most used on a graph. */
export const CYPHER_KEYWORDS: readonly string[] = [
  'MATCH',
  'OPTIONAL MATCH',
  'WHERE',
  'RETURN',
  'WITH',
  'DISTINCT',
  'ORDER BY',
  'DESC',
  'ASC',
  'SKIP',
  'LIMIT',
  'UNWIND',
  'AS',
  'AND',
  'OR',
  'XOR',
  'NOT',
  'IN',
  'IS NULL',
  'IS NOT NULL',
  'CONTAINS',
  'STARTS WITH',
  'ENDS WITH',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'EXISTS',
  'CALL',
  'YIELD',
  'UNION',
  'EXPLAIN',
  'shortestPath',
  'allShortestPaths',
  'count',
  'collect',
  'size',
  'labels',
  'type',
  'properties',
  'keys',
  'nodes',
  'relationships',
  'length',
  'coalesce',
  'toLower',
  'toUpper',
  'head',
  'last',
  'min',
  'max',
  'avg',
  'sum',
  'elementId',
  'startNode',
  'endNode',
  'date',
  'datetime',
];
