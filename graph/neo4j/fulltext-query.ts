/**
 * Turns what a person types into Lucene queries for the `entity_names` full-text index: every term
 * escaped, then matched exactly (boosted), as a prefix (autocomplete) and, when that finds nothing, fuzzily
 * (typos: "Shoigo" finds Shoigu); all terms must match, and the whole input as a phrase ranks highest.
 */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

export interface FulltextQueries {
  /** Every term matched exactly (boosted) or as a prefix (autocomplete). */
  strict: string;
  /** The same plus every term of 4 letters or more within 1 or 2 edits; null when no term is that long. */
  fuzzy: string | null;
}

/**
 * Null when nothing searchable is left (only punctuation or spaces). Fuzzy terms are the expensive part
 * (Lucene expands each over the index's terms), so a search asks `strict` first and `fuzzy` only when that
 * finds nothing.
 */
export function buildFulltextQueries(input: string): FulltextQueries | null {
  const terms = input
    .toLowerCase()
    .split(/\s+/)
    .map((term) => term.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .slice(0, 8);
  if (terms.length === 0) return null;
  const strict = combine(terms, () => []);
  if (!terms.some((term) => term.length >= 4)) return { strict, fuzzy: null };
  return {
    strict,
    fuzzy: combine(terms, (term, escaped) => (term.length >= 4 ? [`${escaped}~${term.length >= 6 ? 2 : 1}`] : [])),
  };
}

/** All terms must match, each as one of its options; the whole input as a phrase ranks highest. */
function combine(terms: string[], extra: (term: string, escaped: string) => string[]): string {
  const clauses = terms.map((term) => {
    const escaped = escapeLucene(term);
    return `(${[`${escaped}^4`, `${escaped}*^2`, ...extra(term, escaped)].join(' OR ')})`;
  });
  const all = clauses.join(' AND ');
  if (terms.length === 1) return all;
  return `("${escapeLucene(terms.join(' '))}"^8) OR (${all})`;
}
