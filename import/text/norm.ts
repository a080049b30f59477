/**
 * The one fold of a name for comparing names within the importer: case, accents, curly quotes,
 * dotted initials ("U.S." = "us"), possessive endings and a leading "the" do not tell names apart.
 */
// norm is pure and called for the same few names over and over (every mention, every comparison).
const normalised = new Map<string, string>();
const NORM_CACHE_LIMIT = 100_000;

export function norm(s: string): string {
  let out = normalised.get(s);
  if (out === undefined) {
    if (normalised.size >= NORM_CACHE_LIMIT) normalised.clear();
    out = normalise(s);
    normalised.set(s, out);
  }
  return out;
}

function normalise(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase()
    .replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1')
    .replace(/\b([a-z])\.(?![a-z])/g, '$1')
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}
