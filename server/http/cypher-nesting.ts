/**
 * How deeply a Cypher text nests, measured before it reaches Neo4j. Neo4j's parser and semantic analysis
 * recurse once per level: measured on 5.26 with its default thread stack, 1,000 nested parentheses or
 * `NOT`s, 300 nested maps and 200 nested `CASE`s or chained property lookups overflow the stack; the
 * connection is dropped, and an overflow while a class initialises (300 nested `size([`) breaks that class
 * for the rest of the JVM's life. So a query that nests deeper than MAX_CYPHER_NESTING is refused with a 400
 * instead; ordinary queries nest fewer than ten levels.
 */
export const MAX_CYPHER_NESTING = 64;

/**
 * The deepest point of `query`: open brackets of any kind plus open `CASE … END`, plus the current run of
 * `NOT`s and of chained lookups (`.a.b.c`, `[0][1]`), which Neo4j also parses recursively. String literals,
 * quoted names and comments do not count.
 */
export function cypherNesting(query: string): number {
  let depth = 0; // brackets and CASE … END
  let max = 0;
  let nots = 0; // NOT NOT NOT …
  let chain = 0; // x.a.b.c or x[0][1]
  let afterAtom = false; // the previous token ends an expression (a name, a literal, a closing bracket)
  const chains: number[] = []; // the lookup chain at each open bracket, which goes on after it closes
  const measure = () => (max = Math.max(max, depth + nots + chain));
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === "'" || c === '"' || c === '`') {
      i = skipQuoted(query, i, c);
      afterAtom = true;
      chain = 0;
      nots = 0;
    } else if (c === '/' && query[i + 1] === '/') {
      const end = query.indexOf('\n', i);
      i = end < 0 ? query.length : end;
    } else if (c === '/' && query[i + 1] === '*') {
      const end = query.indexOf('*/', i + 2);
      i = end < 0 ? query.length : end + 1;
    } else if (c === '(' || c === '{' || c === '[') {
      if (c === '[' && afterAtom) chain++;
      chains.push(chain);
      depth++;
      afterAtom = false;
      measure();
    } else if (c === ')' || c === '}' || c === ']') {
      depth = Math.max(0, depth - 1);
      chain = chains.pop() ?? 0;
      nots = 0;
      afterAtom = true;
    } else if (c === '.' && afterAtom && /[A-Za-z_`]/.test(query[i + 1] ?? '')) {
      chain++;
      measure();
    } else if (/[A-Za-z_$]/.test(c)) {
      let end = i + 1;
      while (end < query.length && /[A-Za-z0-9_$]/.test(query[end])) end++;
      const word = query.slice(i, end).toUpperCase();
      i = end - 1;
      if (word === 'NOT') {
        nots++;
        chain = 0;
        afterAtom = false;
        measure();
        continue;
      }
      if (word === 'CASE') depth++;
      else if (word === 'END') depth = Math.max(0, depth - 1);
      measure();
      // A name continues a lookup chain (`.b` in `a.b`), anything else starts a new expression.
      if (query[i - word.length] !== '.') chain = 0;
      nots = 0;
      afterAtom = word !== 'CASE';
    } else if (/\d/.test(c)) {
      while (i + 1 < query.length && /[\d.eE_xXa-fA-F]/.test(query[i + 1])) i++;
      afterAtom = true;
      chain = 0;
      nots = 0;
    } else if (!/\s/.test(c)) {
      // An operator or separator: the chain ends, and what follows starts an expression.
      afterAtom = false;
      chain = 0;
      nots = 0;
    }
  }
  return max;
}

/** Index of the closing quote (a doubled or backslash-escaped quote does not close), or the end of the text. */
function skipQuoted(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\' && quote !== '`') i++;
    else if (text[i] === quote) {
      if (text[i + 1] === quote) i++;
      else return i;
    }
  }
  return text.length;
}
