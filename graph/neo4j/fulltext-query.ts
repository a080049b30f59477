/**
 * Turns what a person types into a Lucene query for the `entity_names` full-text index: every term
 * escaped, then matched exactly (boosted), as a prefix (autocomplete) and fuzzily (typos: "Shoigo"
 * finds Shoigu); all terms must match, and the whole input as a phrase ranks highest.
 */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** Null when nothing searchable is left (only punctuation or spaces). */
export function buildFulltextQuery(input: string): string | null {
  const terms = input
    .toLowerCase()
    .split(/\s+/)
    .map((term) => term.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .slice(0, 8);
  if (terms.length === 0) return null;
  const clauses = terms.map((term) => {
    const escaped = escapeLucene(term);
    const options = [`${escaped}^4`, `${escaped}*^2`];
    if (term.length >= 4) options.push(`${escaped}~${term.length >= 6 ? 2 : 1}`);
    return `(${options.join(' OR ')})`;
  });
  const all = clauses.join(' AND ');
  if (terms.length === 1) return all;
  return `("${escapeLucene(terms.join(' '))}"^8) OR (${all})`;
}
